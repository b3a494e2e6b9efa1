package io.cairn.handling.procedures;

import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored tasks of incidents. */
@Component
class Tasks {

    private static final String SELECT = "select * from task";

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(TaskView task) {
        jdbc.sql("""
                insert into task (id, incident_id, playbook_id, phase, position, title, description, articles,
                    mandatory, team_id, due_offset, due_at, shared_fields, state, created_at, created_by, version)
                values (:id, :incident, :playbook, :phase, :position, :title, :description, :articles, :mandatory,
                    :team, :dueOffset, :dueAt, :shared, 'OPEN', :createdAt, :createdBy, 0)""")
                .param("id", task.id().value())
                .param("incident", task.incident().value())
                .param(
                        "playbook",
                        task.playbook() == null ? null : task.playbook().value())
                .param("phase", task.phase() == null ? null : task.phase().name())
                .param("position", task.position())
                .param("title", task.title())
                .param("description", task.description())
                .param("articles", task.articles().toArray(String[]::new))
                .param("mandatory", task.mandatory())
                .param("team", task.team() == null ? null : task.team().value())
                .param("dueOffset", task.dueOffset())
                .param("dueAt", timestamp(task.dueAt()))
                .param("shared", task.sharedFields().stream().map(Enum::name).toArray(String[]::new))
                .param("createdAt", Timestamp.from(task.createdAt()))
                .param("createdBy", task.createdBy())
                .update();
    }

    Optional<TaskView> byId(TaskId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> task(row))
                .optional();
    }

    List<TaskView> ofIncident(IncidentId incident) {
        return jdbc.sql(SELECT + " where incident_id = ? order by position, created_at")
                .param(incident.value())
                .query((row, n) -> task(row))
                .list();
    }

    /** The tasks of these teams: open ones first, by due time (undated last), then the rest, latest first. */
    List<TaskView> ofTeams(Collection<TeamId> teams, int limit) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where team_id = any(?) order by state <> 'OPEN', "
                        + "case when state = 'OPEN' then due_at end nulls last, closed_at desc nulls last, "
                        + "created_at limit ?")
                .params(teams.stream().map(TeamId::value).toArray(UUID[]::new), limit)
                .query((row, n) -> task(row))
                .list();
    }

    int nextPosition(IncidentId incident) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from task where incident_id = ?")
                .param(incident.value())
                .query(Integer.class)
                .single();
    }

    /** Gives the open tasks of a phase that has just started their due time; returns how many. */
    int startPhase(IncidentId incident, Status phase, Instant now) {
        return jdbc.sql("update task set due_at = ?::timestamptz + due_offset::interval where incident_id = ? "
                        + "and phase = ? and due_at is null and due_offset is not null and state = 'OPEN'")
                .params(Timestamp.from(now), incident.value(), phase.name())
                .update();
    }

    /** Stores the task's new state if the task is still at the version the caller saw; false if not. */
    boolean store(Task task, long expectedVersion) {
        return jdbc.sql("update task set state = ?, note = ?, closed_by = ?, closed_at = ?, version = version + 1 "
                                + "where id = ? and version = ?")
                        .params(
                                task.state().name(),
                                task.note(),
                                task.closedBy(),
                                timestamp(task.closedAt()),
                                task.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static TaskView task(ResultSet row) throws SQLException {
        String phase = row.getString("phase");
        UUID team = row.getObject("team_id", UUID.class);
        Timestamp due = row.getTimestamp("due_at");
        Timestamp closed = row.getTimestamp("closed_at");
        UUID playbook = row.getObject("playbook_id", UUID.class);
        return new TaskView(
                new TaskId(row.getObject("id", UUID.class)),
                new IncidentId(row.getObject("incident_id", UUID.class)),
                playbook == null ? null : new PlaybookId(playbook),
                phase == null ? null : Status.valueOf(phase),
                row.getInt("position"),
                row.getString("title"),
                row.getString("description"),
                strings(row.getArray("articles")),
                row.getBoolean("mandatory"),
                team == null ? null : new TeamId(team),
                row.getString("due_offset"),
                due == null ? null : due.toInstant(),
                strings(row.getArray("shared_fields")).stream()
                        .map(SharedField::valueOf)
                        .toList(),
                TaskState.valueOf(row.getString("state")),
                row.getString("note"),
                row.getString("closed_by"),
                closed == null ? null : closed.toInstant(),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"),
                row.getLong("version"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
