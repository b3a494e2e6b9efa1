package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An incident on its way through the phases of its procedure: the playbook it follows, if any, and its mandatory
 * steps that are still open, in playbook order. Its verb {@link #leave} keeps a phase from being left while the phase's
 * mandatory steps are open, and the incident from being closed while any mandatory task is open (a task a handler gave
 * a team too, which belongs to no phase). An incident without a playbook has a run without one: the tasks handlers
 * gave are all its steps.
 *
 * @param playbook the playbook the incident follows; empty when none matched it
 * @param openMandatorySteps the open mandatory steps and tasks, in playbook order
 */
record PlaybookRun(IncidentId incident, Optional<PlaybookId> playbook, List<OpenStep> openMandatorySteps) {

    /**
     * A mandatory step or task that is still open.
     *
     * @param phase the phase of its playbook step; empty for a task a handler gave a team
     */
    record OpenStep(String title, @Nullable Status phase) {}

    PlaybookRun {
        openMandatorySteps = List.copyOf(openMandatorySteps);
    }

    /**
     * Leaves the phase the incident is in for another status; answers that status, or a refusal of the status field
     * that names the open mandatory steps that hold the incident (all of them when it is to be closed).
     */
    Outcome<Status> leave(Status phase, Status to) {
        if (to == Status.CLOSED) {
            List<String> open = openMandatorySteps.stream().map(OpenStep::title).toList();
            return open.isEmpty()
                    ? Outcome.done(to)
                    : Outcome.refused(refusal(ProcedureRefusals.CLOSE_WITH_OPEN_STEPS, open));
        }
        if (!PlaybookStep.PHASES.contains(phase) || to == phase) {
            return Outcome.done(to);
        }
        List<String> open = openMandatorySteps.stream()
                .filter(step -> step.phase() == phase)
                .map(OpenStep::title)
                .toList();
        return open.isEmpty() ? Outcome.done(to) : Outcome.refused(refusal(leaving(phase), open));
    }

    /**
     * A refusal of the status field for the reason of its phase (or of closing); the open steps are its argument,
     * named in the reader's language when they are shipped steps.
     */
    private static Refusal refusal(ProcedureRefusals reason, List<String> open) {
        String steps = String.join("; ", open.stream().map(ShippedTexts::shown).toList());
        return Refusal.of(Refusal.Kind.CONFLICT, List.of(Refusal.FieldProblem.of("to", reason, steps)), reason, steps);
    }

    /** The reason a phase of {@link PlaybookStep#PHASES} is not left. */
    private static ProcedureRefusals leaving(Status phase) {
        return switch (phase) {
            case ANALYSIS -> ProcedureRefusals.LEAVE_ANALYSIS_WITH_OPEN_STEPS;
            case CONTAINMENT -> ProcedureRefusals.LEAVE_CONTAINMENT_WITH_OPEN_STEPS;
            case ERADICATION -> ProcedureRefusals.LEAVE_ERADICATION_WITH_OPEN_STEPS;
            case RECOVERY -> ProcedureRefusals.LEAVE_RECOVERY_WITH_OPEN_STEPS;
            case REVIEW -> ProcedureRefusals.LEAVE_REVIEW_WITH_OPEN_STEPS;
            default -> throw new IllegalArgumentException(phase.code() + " is no phase of a playbook");
        };
    }
}
