package io.cairn.knowledge;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored corrective actions of the post-incident reviews, each read with its incident's reference; their state
 * is stored by its code ({@code open}, {@code done}).
 */
@Repository
class CorrectiveActions {

    private static final String WITH_REFERENCE = """
            select a.*, r.incident_reference from corrective_action a
            join incident_review r on r.incident_id = a.incident_id""";

    private final JdbcClient jdbc;

    CorrectiveActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The corrective actions of one incident's review, in the order they were added. */
    List<CorrectiveActionItem> of(IncidentId incident) {
        return jdbc.sql(WITH_REFERENCE + " where a.incident_id = :id order by a.created_at, a.id")
                .param("id", incident.value())
                .query(CorrectiveActions::item)
                .list();
    }

    Optional<CorrectiveActionItem> find(CorrectiveActionId id) {
        return jdbc.sql(WITH_REFERENCE + " where a.id = :id")
                .param("id", id.value())
                .query(CorrectiveActions::item)
                .optional();
    }

    /** Corrective actions of every review, the open ones only if asked, earliest due first. */
    List<CorrectiveActionItem> all(boolean openOnly, int limit) {
        return jdbc.sql(WITH_REFERENCE + (openOnly ? " where a.status = :open" : "")
                        + " order by a.due_on, a.created_at limit :limit")
                .param("open", CorrectiveActionState.OPEN.code())
                .param("limit", limit)
                .query(CorrectiveActions::item)
                .list();
    }

    /** Stores a new corrective action; its review must be stored already. */
    void add(CorrectiveActionItem action, Instant now) {
        jdbc.sql("""
                insert into corrective_action (id, incident_id, title, owner_id, due_on, status, created_at, version)
                values (:id, :incident, :title, :owner, :dueOn, :status, :now, :version)""")
                .param("id", action.id().value())
                .param("incident", action.incident().value())
                .param("title", action.title())
                .param("owner", action.owner().value())
                .param("dueOn", action.dueOn())
                .param("status", action.state().code())
                .param("now", Timestamp.from(now))
                .param("version", action.version())
                .update();
    }

    /** Stores the new state of a corrective action if the stored version is still {@code expectedVersion}. */
    boolean save(CorrectiveActionItem action, long expectedVersion) {
        return jdbc.sql("""
                update corrective_action set status = :status, done_at = :doneAt, version = :version
                where id = :id and version = :expected""")
                        .param("id", action.id().value())
                        .param("status", action.state().code())
                        .param("doneAt", action.doneAt() == null ? null : Timestamp.from(action.doneAt()))
                        .param("version", action.version())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static CorrectiveActionItem item(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new CorrectiveActionItem(
                new CorrectiveActionId(rs.getObject("id", UUID.class)),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getString("incident_reference"),
                rs.getString("title"),
                new UserId(rs.getObject("owner_id", UUID.class)),
                rs.getObject("due_on", LocalDate.class),
                CorrectiveActionState.ofCode(rs.getString("status")),
                done == null ? null : done.toInstant(),
                rs.getLong("version"));
    }
}
