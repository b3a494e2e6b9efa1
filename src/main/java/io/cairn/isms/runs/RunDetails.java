package io.cairn.isms.runs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run as those who read it in full see it, in the reader's language: its facts, the start form's values, its phases
 * with their steps, what it raised, and what the reader may do.
 *
 * @param requesterName who asked for it; the schedule's mark for a run a schedule started
 * @param manages whether the reader may move it on, skip its optional steps and cancel it
 */
public record RunDetails(
        ProcedureRunId id,
        String reference,
        String procedure,
        String procedureKey,
        RunState state,
        @Nullable String phase,
        String phaseName,
        String ownerName,
        @Nullable String requesterName,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant closedAt,
        @Nullable String closedByName,
        @Nullable String closeReason,
        List<StepWork.FormValue> form,
        List<PhaseSteps> phases,
        List<String> openMandatory,
        List<RaisedIncident> raised,
        boolean manages,
        long version) {

    public RunDetails {
        form = List.copyOf(form);
        phases = List.copyOf(phases);
        openMandatory = List.copyOf(openMandatory);
        raised = List.copyOf(raised);
    }

    public boolean isOpen() {
        return state == RunState.OPEN;
    }

    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    /** Whether moving the run on from its phase would complete it. */
    public boolean inLastPhase() {
        return !phases.isEmpty() && phases.get(phases.size() - 1).key().equals(phase);
    }

    /** A phase with its steps, and whether it is the current one, past or still to come. */
    public record PhaseSteps(String key, String name, boolean current, boolean started, List<StepDetails> steps) {

        public PhaseSteps {
            steps = List.copyOf(steps);
        }
    }

    /** A step as the run's readers see it, with the controls it evidences and what the reader may do. */
    public record StepDetails(StepWork work, List<String> controls, boolean started, boolean maySkip) {

        public StepDetails {
            controls = List.copyOf(controls);
        }
    }
}
