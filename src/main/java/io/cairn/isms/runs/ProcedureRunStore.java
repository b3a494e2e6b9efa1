package io.cairn.isms.runs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stored runs ({@code isms_procedure_run}) and their steps ({@code isms_run_step}). Every change of a run or its steps
 * first locks the run's row, so that two people acting on the same run at once are served one after the other and the
 * second sees what the first did.
 */
@Component
class ProcedureRunStore {

    private final JdbcClient jdbc;

    ProcedureRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('isms_run_number')").query(Long.class).single();
    }

    Optional<ProcedureRun> byId(ProcedureRunId id) {
        return read(id, "");
    }

    /** The run, its row locked until the transaction ends. */
    Optional<ProcedureRun> lockedById(ProcedureRunId id) {
        return read(id, " for update");
    }

    /** The run with this number, if there is one. */
    Optional<ProcedureRunId> idOfNumber(long number) {
        return jdbc.sql("select id from isms_procedure_run where number = ?")
                .param(number)
                .query(UUID.class)
                .optional()
                .map(ProcedureRunId::new);
    }

    /** The run a schedule started for an occurrence, if it started one. */
    Optional<ProcedureRun> ofOccurrence(UUID schedule, Instant occurrence) {
        return jdbc.sql("select id from isms_procedure_run where schedule_id = ? and occurrence = ?")
                .params(schedule, Timestamp.from(occurrence))
                .query(UUID.class)
                .optional()
                .flatMap(id -> byId(new ProcedureRunId(id)));
    }

    /** The run of a step, if the step exists. */
    Optional<ProcedureRunId> runOfStep(RunStepId step) {
        return jdbc.sql("select run_id from isms_run_step where id = ?")
                .param(step.value())
                .query(UUID.class)
                .optional()
                .map(ProcedureRunId::new);
    }

    void insert(ProcedureRun run) {
        jdbc.sql("""
                insert into isms_procedure_run (id, number, type_id, definition, form_values, requested_by, owner_id,
                    phase, state, started_at, due_at, closed_at, closed_by, close_reason, schedule_id, occurrence,
                    version)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        run.id().value(),
                        run.number(),
                        run.type().value(),
                        RunRows.json(run.definition()),
                        RunRows.json(run.values()),
                        RunRows.uuid(run.requestedBy()),
                        run.owner().value(),
                        run.phase(),
                        run.state().code(),
                        Timestamp.from(run.startedAt()),
                        timestamp(run.dueAt()),
                        timestamp(run.closedAt()),
                        RunRows.uuid(run.closedBy()),
                        run.closeReason(),
                        run.schedule() == null ? null : run.schedule().id(),
                        run.schedule() == null
                                ? null
                                : Timestamp.from(run.schedule().occurrence()))
                .update();
        run.steps().forEach(step -> insertStep(run.id(), step));
    }

    /** Stores what changed from {@code before} to {@code after}: the run's row, and each step that changed. */
    void update(ProcedureRun before, ProcedureRun after) {
        jdbc.sql("""
                update isms_procedure_run set phase = ?, state = ?, closed_at = ?, closed_by = ?, close_reason = ?,
                    version = version + 1
                where id = ?""")
                .params(
                        after.phase(),
                        after.state().code(),
                        timestamp(after.closedAt()),
                        RunRows.uuid(after.closedBy()),
                        after.closeReason(),
                        after.id().value())
                .update();
        for (RunStep step : after.steps()) {
            RunStep old = before.steps().get(step.position());
            if (!old.equals(step)) {
                updateStep(step);
            }
        }
    }

    private Optional<ProcedureRun> read(ProcedureRunId id, String lock) {
        return jdbc.sql(RunRows.SELECT_RUN + " where r.id = ?" + lock)
                .param(id.value())
                .query((row, n) -> RunRows.run(row, steps(id)))
                .optional();
    }

    List<RunStep> steps(ProcedureRunId run) {
        return jdbc.sql(RunRows.SELECT_STEP + " where s.run_id = ? order by s.position")
                .param(run.value())
                .query((row, n) -> RunRows.step(row))
                .list();
    }

    private void insertStep(ProcedureRunId run, RunStep step) {
        jdbc.sql("""
                insert into isms_run_step (id, run_id, position, phase, title, description, kind, mandatory, team_id,
                    approver_id, fields, articles, controls, opened_at, due_at, state, note, closed_by, closed_at,
                    version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        step.id().value(),
                        run.value(),
                        step.position(),
                        step.phase(),
                        step.title(),
                        step.description(),
                        step.kind().code(),
                        step.mandatory(),
                        step.team() == null ? null : step.team().value(),
                        RunRows.uuid(step.approver()),
                        RunRows.json(step.fields()),
                        RunRows.json(step.articles()),
                        RunRows.json(step.controls()),
                        timestamp(step.openedAt()),
                        timestamp(step.dueAt()),
                        step.state().code(),
                        step.note(),
                        RunRows.uuid(step.closedBy()),
                        timestamp(step.closedAt()))
                .update();
    }

    private void updateStep(RunStep step) {
        jdbc.sql("""
                update isms_run_step set opened_at = ?, due_at = ?, state = ?, note = ?, closed_by = ?, closed_at = ?,
                    version = version + 1
                where id = ?""")
                .params(
                        timestamp(step.openedAt()),
                        timestamp(step.dueAt()),
                        step.state().code(),
                        step.note(),
                        RunRows.uuid(step.closedBy()),
                        timestamp(step.closedAt()),
                        step.id().value())
                .update();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(Objects.requireNonNull(instant));
    }
}
