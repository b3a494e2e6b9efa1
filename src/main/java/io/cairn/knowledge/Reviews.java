package io.cairn.knowledge;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored post-incident reviews and their corrective actions. */
@Repository
class Reviews {

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored review without its actions' owner names filled in by the caller. */
    record Stored(IncidentId incident, String reference, String title, Instant reportedAt, String summary,
            @Nullable String rootCause, String wentWell, String toImprove, String status,
            @Nullable Instant completedAt, @Nullable String completedBy, Instant updatedAt, long version) {}

    /** A stored corrective action. */
    record Action(CorrectiveActionId id, IncidentId incident, String reference, String title, UserId owner,
            LocalDate dueOn, String status, @Nullable Instant doneAt, long version) {}

    Optional<Stored> find(IncidentId incident) {
        return jdbc.sql("select * from incident_review where incident_id = :id").param("id", incident.value())
                .query(Reviews::stored).optional();
    }

    boolean isCompleted(IncidentId incident) {
        return jdbc.sql("select count(*) from incident_review where incident_id = :id and status = 'completed'")
                .param("id", incident.value()).query(Long.class).single() > 0;
    }

    void insert(Stored review, Instant now) {
        jdbc.sql("""
                insert into incident_review (incident_id, incident_reference, incident_title, incident_reported_at,
                    summary, root_cause, went_well, to_improve, status, completed_at, completed_by, created_at,
                    updated_at, version)
                values (:id, :reference, :title, :reportedAt, :summary, :rootCause, :wentWell, :toImprove, :status,
                    :completedAt, :completedBy, :now, :now, :version)""")
                .params(params(review)).param("now", Timestamp.from(now)).update();
    }

    boolean update(Stored review, long expectedVersion) {
        return jdbc.sql("""
                update incident_review set incident_title = :title, summary = :summary, root_cause = :rootCause,
                    went_well = :wentWell, to_improve = :toImprove, status = :status, completed_at = :completedAt,
                    completed_by = :completedBy, updated_at = :updatedAt, version = :version
                where incident_id = :id and version = :expected""")
                .params(params(review)).param("updatedAt", Timestamp.from(review.updatedAt()))
                .param("expected", expectedVersion).update() == 1;
    }

    private static Map<String, Object> params(Stored review) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", review.incident().value());
        params.put("reference", review.reference());
        params.put("title", review.title());
        params.put("reportedAt", Timestamp.from(review.reportedAt()));
        params.put("summary", review.summary());
        params.put("rootCause", review.rootCause());
        params.put("wentWell", review.wentWell());
        params.put("toImprove", review.toImprove());
        params.put("status", review.status());
        params.put("completedAt", review.completedAt() == null ? null : Timestamp.from(review.completedAt()));
        params.put("completedBy", review.completedBy());
        params.put("version", review.version());
        return params;
    }

    /** The completed reviews with this root cause of incidents reported between the two instants, but this one. */
    List<Stored> completedWithRootCause(String rootCause, Instant from, Instant until, IncidentId except) {
        return jdbc.sql("""
                select * from incident_review
                where status = 'completed' and root_cause = :rootCause and incident_id <> :id
                  and incident_reported_at >= :from and incident_reported_at <= :until
                order by incident_reported_at limit 200""")
                .param("rootCause", rootCause).param("id", except.value()).param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until)).query(Reviews::stored).list();
    }

    List<Action> actions(IncidentId incident) {
        return jdbc.sql("""
                select a.*, r.incident_reference from corrective_action a
                join incident_review r on r.incident_id = a.incident_id
                where a.incident_id = :id order by a.created_at, a.id""")
                .param("id", incident.value()).query(Reviews::action).list();
    }

    Optional<Action> action(CorrectiveActionId id) {
        return jdbc.sql("""
                select a.*, r.incident_reference from corrective_action a
                join incident_review r on r.incident_id = a.incident_id where a.id = :id""")
                .param("id", id.value()).query(Reviews::action).optional();
    }

    /** Corrective actions, the open ones only if asked, earliest due first. */
    List<Action> actions(boolean openOnly, int limit) {
        return jdbc.sql("select a.*, r.incident_reference from corrective_action a"
                + " join incident_review r on r.incident_id = a.incident_id"
                + (openOnly ? " where a.status = 'open'" : "") + " order by a.due_on, a.created_at limit :limit")
                .param("limit", limit).query(Reviews::action).list();
    }

    void addAction(Action action, Instant now) {
        jdbc.sql("""
                insert into corrective_action (id, incident_id, title, owner_id, due_on, status, created_at, version)
                values (:id, :incident, :title, :owner, :dueOn, 'open', :now, 0)""")
                .param("id", action.id().value()).param("incident", action.incident().value())
                .param("title", action.title())
                .param("owner", action.owner().value()).param("dueOn", action.dueOn())
                .param("now", Timestamp.from(now)).update();
    }

    boolean changeActionStatus(CorrectiveActionId id, String status, @Nullable Instant doneAt, long version) {
        return jdbc.sql("""
                update corrective_action set status = :status, done_at = :doneAt, version = version + 1
                where id = :id and version = :version""")
                .param("id", id.value()).param("status", status)
                .param("doneAt", doneAt == null ? null : Timestamp.from(doneAt)).param("version", version)
                .update() == 1;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Stored(new IncidentId(rs.getObject("incident_id", UUID.class)), rs.getString("incident_reference"),
                rs.getString("incident_title"), rs.getTimestamp("incident_reported_at").toInstant(),
                rs.getString("summary"), rs.getString("root_cause"), rs.getString("went_well"),
                rs.getString("to_improve"), rs.getString("status"), completed == null ? null : completed.toInstant(),
                rs.getString("completed_by"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new Action(new CorrectiveActionId(rs.getObject("id", UUID.class)),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getString("incident_reference"), rs.getString("title"),
                new UserId(rs.getObject("owner_id", UUID.class)), rs.getObject("due_on", LocalDate.class),
                rs.getString("status"), done == null ? null : done.toInstant(), rs.getLong("version"));
    }
}
