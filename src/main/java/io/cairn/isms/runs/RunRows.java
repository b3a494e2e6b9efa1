package io.cairn.isms.runs;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureStep;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How runs and steps are read from their rows, and their JSON columns written. */
final class RunRows {

    static final String SELECT_RUN = """
            select r.id, r.number, r.type_id, r.definition::text as definition, r.form_values::text as form_values,
                r.requested_by, r.owner_id, r.phase, r.state, r.started_at, r.due_at, r.closed_at, r.closed_by,
                r.close_reason, r.schedule_id, r.occurrence, r.version
            from isms_procedure_run r""";

    static final String SELECT_STEP = """
            select s.id, s.position, s.phase, s.title, s.description, s.kind, s.mandatory, s.team_id, s.approver_id,
                s.fields::text as fields, s.articles::text as articles, s.controls::text as controls, s.opened_at,
                s.due_at, s.state, s.note, s.closed_by, s.closed_at, s.version
            from isms_run_step s""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};

    private RunRows() {}

    static ProcedureRun run(ResultSet row, List<RunStep> steps) throws SQLException {
        UUID schedule = row.getObject("schedule_id", UUID.class);
        return new ProcedureRun(
                new ProcedureRunId(row.getObject("id", UUID.class)),
                row.getLong("number"),
                new ProcedureTypeId(row.getObject("type_id", UUID.class)),
                JSON.readValue(row.getString("definition"), ProcedureDefinition.class),
                JSON.readValue(row.getString("form_values"), VALUES),
                user(row, "requested_by"),
                new UserId(row.getObject("owner_id", UUID.class)),
                row.getString("phase"),
                RunState.fromCode(row.getString("state")),
                row.getTimestamp("started_at").toInstant(),
                instant(row, "due_at"),
                instant(row, "closed_at"),
                user(row, "closed_by"),
                row.getString("close_reason"),
                schedule == null
                        ? null
                        : new ProcedureRun.ScheduleRef(
                                schedule, row.getTimestamp("occurrence").toInstant()),
                steps,
                row.getLong("version"));
    }

    static RunStep step(ResultSet row) throws SQLException {
        UUID team = row.getObject("team_id", UUID.class);
        return new RunStep(
                new RunStepId(row.getObject("id", UUID.class)),
                row.getInt("position"),
                row.getString("phase"),
                row.getString("title"),
                row.getString("description"),
                ProcedureStep.Kind.fromCode(row.getString("kind")),
                row.getBoolean("mandatory"),
                team == null ? null : new TeamId(team),
                user(row, "approver_id"),
                JSON.readValue(row.getString("fields"), TEXTS),
                JSON.readValue(row.getString("articles"), TEXTS),
                JSON.readValue(row.getString("controls"), TEXTS),
                instant(row, "opened_at"),
                instant(row, "due_at"),
                StepState.fromCode(row.getString("state")),
                row.getString("note"),
                user(row, "closed_by"),
                instant(row, "closed_at"),
                row.getLong("version"));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static @Nullable UUID uuid(@Nullable UserId user) {
        return user == null ? null : user.value();
    }

    static @Nullable UserId user(ResultSet row, String column) throws SQLException {
        UUID id = row.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
