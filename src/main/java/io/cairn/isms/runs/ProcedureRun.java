package io.cairn.isms.runs;

import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run of a security procedure: the definition of its type as it was when it started, the values of its start form,
 * who asked for it and who owns it, the phase it is in, and its steps. Its verbs check the procedure's rules (a phase is
 * left only when its mandatory steps are done) and answer the run as it becomes, or the refusal.
 *
 * @param number the run's number, shown as its reference {@code PRC-<number>}
 * @param values the start form's values by field key; a person field holds a user name, a date field an ISO date
 * @param requestedBy who started it; empty for a run a schedule started
 * @param phase the key of the phase it is in; empty once it ended
 * @param dueAt when the whole run is due; empty when its type sets no due time
 * @param closeReason why it was cancelled or rejected
 * @param schedule the schedule that started it, if one did
 * @param steps every step in order, those of later phases not yet started
 */
public record ProcedureRun(
        ProcedureRunId id,
        long number,
        ProcedureTypeId type,
        ProcedureDefinition definition,
        Map<String, String> values,
        @Nullable UserId requestedBy,
        UserId owner,
        @Nullable String phase,
        RunState state,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant closedAt,
        @Nullable UserId closedBy,
        @Nullable String closeReason,
        @Nullable ScheduleRef schedule,
        List<RunStep> steps,
        long version) {

    /** The longest reason for cancelling a run. */
    static final int MAX_REASON = 5000;

    public ProcedureRun {
        values = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
        steps = List.copyOf(steps);
    }

    /** The schedule that started a run, and the occurrence it started it for. */
    public record ScheduleRef(java.util.UUID id, Instant occurrence) {}

    /** How people name it, such as {@code PRC-12}. */
    public String reference() {
        return "PRC-" + number;
    }

    public boolean isOpen() {
        return state == RunState.OPEN;
    }

    /** Whether it is open and its due time has passed. */
    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    /** The step of this id, if the run has it. */
    public java.util.Optional<RunStep> step(RunStepId stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** The mandatory steps of the current phase that are still open, in order. */
    public List<RunStep> openMandatorySteps() {
        return steps.stream()
                .filter(step -> step.phase().equals(phase) && step.mandatory() && step.isOpen())
                .toList();
    }

    /**
     * Leaves the current phase for the next, whose steps open and become due; from the last phase the run is
     * completed. Refused while a mandatory step of the phase is open, naming those steps; optional steps left open are
     * skipped by whoever moves the run on.
     */
    Outcome<ProcedureRun> advance(UserId by, Instant now, ZoneId zone) {
        if (!isOpen()) {
            return notOpen();
        }
        List<RunStep> blocking = openMandatorySteps();
        if (!blocking.isEmpty()) {
            StepTitles titles =
                    new StepTitles(blocking.stream().map(RunStep::title).toList());
            return Outcome.refused(Refusal.conflict(RunRefusals.MANDATORY_STEPS_OPEN, phaseName(), titles));
        }
        List<RunStep> moved = new ArrayList<>();
        for (RunStep step : steps) {
            boolean leftOpen = step.phase().equals(phase) && step.isOpen();
            moved.add(leftOpen ? step.leftBehind(by, now) : step);
        }
        int next = phaseIndex() + 1;
        if (next >= definition.phases().size()) {
            return Outcome.done(ended(RunState.COMPLETED, null, by, now, moved));
        }
        String nextPhase = definition.phases().get(next).key();
        return Outcome.done(inPhase(nextPhase, opened(definition, values, moved, nextPhase, now, now, zone)));
    }

    /** Ends the open run as cancelled, for the reason given. */
    Outcome<ProcedureRun> cancel(@Nullable String reason, UserId by, Instant now) {
        if (reason == null || reason.isBlank()) {
            return Outcome.refused(Refusal.invalid("reason", SharedRefusals.REQUIRED));
        }
        if (reason.length() > MAX_REASON) {
            return Outcome.refused(Refusal.invalid("reason", SharedRefusals.TOO_LONG, String.valueOf(MAX_REASON)));
        }
        if (!isOpen()) {
            return notOpen();
        }
        return Outcome.done(ended(RunState.CANCELLED, reason.trim(), by, now, steps));
    }

    /** The run with one step as it became; a rejected approval ends the run as rejected, for the approver's reason. */
    ProcedureRun withStep(RunStep changed, Instant now) {
        List<RunStep> updated = steps.stream()
                .map(step -> step.id().equals(changed.id()) ? changed : step)
                .toList();
        if (changed.state() == StepState.REJECTED) {
            return ended(RunState.REJECTED, changed.note(), Objects.requireNonNull(changed.closedBy()), now, updated);
        }
        return with(phase, state, closedAt, closedBy, closeReason, updated);
    }

    /** The name of the current phase (its key once the run ended). */
    public String phaseName() {
        return definition.phases().stream()
                .filter(candidate -> candidate.key().equals(phase))
                .map(ProcedureDefinition.Phase::name)
                .findFirst()
                .orElse(Objects.requireNonNullElse(phase, ""));
    }

    /**
     * The steps with those of {@code opening} opened at {@code now}, each due by its own offset after {@code dueBase}
     * (when the phase started, or for the first phase of a scheduled run the occurrence it was started for).
     */
    static List<RunStep> opened(
            ProcedureDefinition definition,
            Map<String, String> values,
            List<RunStep> all,
            String opening,
            Instant now,
            Instant dueBase,
            ZoneId zone) {
        RunDueTimes due = new RunDueTimes(values, zone);
        return all.stream()
                .map(step -> step.phase().equals(opening)
                        ? step.opened(now, due.of(definition.steps().get(step.position()), dueBase))
                        : step)
                .toList();
    }

    private int phaseIndex() {
        List<ProcedureDefinition.Phase> phases = definition.phases();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).key().equals(phase)) {
                return i;
            }
        }
        throw new IllegalStateException("run " + reference() + " is in no phase of its definition");
    }

    private ProcedureRun inPhase(String nextPhase, List<RunStep> newSteps) {
        return with(nextPhase, state, closedAt, closedBy, closeReason, newSteps);
    }

    private ProcedureRun ended(
            RunState ending, @Nullable String reason, UserId by, Instant now, List<RunStep> newSteps) {
        return with(null, ending, now, by, reason, newSteps);
    }

    /** The same run in another phase or state, with these steps. */
    private ProcedureRun with(
            @Nullable String newPhase,
            RunState newState,
            @Nullable Instant newClosedAt,
            @Nullable UserId newClosedBy,
            @Nullable String newCloseReason,
            List<RunStep> newSteps) {
        return new ProcedureRun(
                id,
                number,
                type,
                definition,
                values,
                requestedBy,
                owner,
                newPhase,
                newState,
                startedAt,
                dueAt,
                newClosedAt,
                newClosedBy,
                newCloseReason,
                schedule,
                newSteps,
                version);
    }

    private <T> Outcome<T> notOpen() {
        return Outcome.refused(Refusal.conflict(RunRefusals.RUN_NOT_OPEN, reference()));
    }

    /** The form values as a new map in the form's order, for showing. */
    public Map<String, String> valuesInFormOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        definition.form().forEach(field -> {
            String value = values.get(field.key());
            if (value != null) {
                ordered.put(field.key(), value);
            }
        });
        return ordered;
    }
}
