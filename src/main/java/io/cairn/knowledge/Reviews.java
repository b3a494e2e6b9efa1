package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored post-incident reviews; their state is stored by its code ({@code draft}, {@code completed}). */
@Repository
class Reviews {

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PostIncidentReview> find(IncidentId incident) {
        return jdbc.sql("select * from incident_review where incident_id = :id")
                .param("id", incident.value())
                .query(Reviews::review)
                .optional();
    }

    boolean isCompleted(IncidentId incident) {
        return jdbc.sql("select count(*) from incident_review where incident_id = :id and status = :completed")
                        .param("id", incident.value())
                        .param("completed", ReviewState.COMPLETED.code())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a review saved for the first time; it was created when it was last updated. */
    void insert(PostIncidentReview review) {
        jdbc.sql("""
                insert into incident_review (incident_id, incident_reference, incident_title, incident_reported_at,
                    summary, root_cause, went_well, to_improve, status, completed_at, completed_by, created_at,
                    updated_at, version)
                values (:id, :reference, :title, :reportedAt, :summary, :rootCause, :wentWell, :toImprove, :status,
                    :completedAt, :completedBy, :updatedAt, :updatedAt, :version)""").params(params(review)).update();
    }

    /** Stores a new version of a review if the stored version is still {@code expectedVersion}; false if not. */
    boolean update(PostIncidentReview review, long expectedVersion) {
        return jdbc.sql("""
                update incident_review set incident_title = :title, summary = :summary, root_cause = :rootCause,
                    went_well = :wentWell, to_improve = :toImprove, status = :status, completed_at = :completedAt,
                    completed_by = :completedBy, updated_at = :updatedAt, version = :version
                where incident_id = :id and version = :expected""")
                        .params(params(review))
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static Map<String, Object> params(PostIncidentReview review) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", review.incident().value());
        params.put("reference", review.reference());
        params.put("title", review.title());
        params.put("reportedAt", Timestamp.from(review.reportedAt()));
        params.put("summary", review.summary());
        params.put("rootCause", review.rootCause());
        params.put("wentWell", review.wentWell());
        params.put("toImprove", review.toImprove());
        params.put("status", review.state().code());
        params.put("completedAt", review.completedAt() == null ? null : Timestamp.from(review.completedAt()));
        params.put("completedBy", review.completedBy());
        params.put("updatedAt", Timestamp.from(review.updatedAt()));
        params.put("version", review.version());
        return params;
    }

    /** The completed reviews with this root cause of incidents reported between the two instants, but this one. */
    List<PostIncidentReview> completedWithRootCause(String rootCause, Instant from, Instant until, IncidentId except) {
        return jdbc.sql("""
                select * from incident_review
                where status = :completed and root_cause = :rootCause and incident_id <> :id
                  and incident_reported_at >= :from and incident_reported_at <= :until
                order by incident_reported_at limit 200""")
                .param("completed", ReviewState.COMPLETED.code())
                .param("rootCause", rootCause)
                .param("id", except.value())
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .query(Reviews::review)
                .list();
    }

    private static PostIncidentReview review(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new PostIncidentReview(
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getString("incident_reference"),
                rs.getString("incident_title"),
                rs.getTimestamp("incident_reported_at").toInstant(),
                rs.getString("summary"),
                rs.getString("root_cause"),
                rs.getString("went_well"),
                rs.getString("to_improve"),
                ReviewState.ofCode(rs.getString("status")),
                completed == null ? null : completed.toInstant(),
                rs.getString("completed_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
