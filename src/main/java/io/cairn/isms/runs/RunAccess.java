package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;

/**
 * Who may do what with a run. Those who asked for it and own it, and the security staff (handlers, coordinators,
 * admins and auditors) read a run in full; a step's team, and the person named to approve it, see only that step and
 * the form fields it names. The owner, coordinators and admins move a run on, skip optional steps and cancel it. A
 * task is done by its team (or, without one, its owner), or by the owner on its behalf; an approval is decided by the
 * person the form named or, without one, by a member of its team (without a team, by a coordinator), never by the
 * person who asked for the run.
 */
final class RunAccess {

    private RunAccess() {}

    static boolean readsInFull(Actor actor, ProcedureRun run) {
        return actor.id().equals(run.requestedBy())
                || actor.id().equals(run.owner())
                || actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
    }

    static boolean manages(Actor actor, ProcedureRun run) {
        return actor.id().equals(run.owner()) || actor.hasAny(Role.COORDINATOR, Role.ADMIN);
    }

    /** Whether the step is the actor's to work on or decide: they see it even if they may not read the run. */
    static boolean worksOn(Actor actor, RunStep step) {
        if (!step.isStarted()) {
            return false;
        }
        if (step.isApproval() && step.approver() != null) {
            return actor.id().equals(step.approver());
        }
        return step.team() != null && actor.isMemberOf(step.team());
    }

    static boolean seesStep(Actor actor, ProcedureRun run, RunStep step) {
        return readsInFull(actor, run) || worksOn(actor, step);
    }

    /** Whether the actor may complete the task: its team, or the run's managers on its behalf. */
    static boolean completes(Actor actor, ProcedureRun run, RunStep step) {
        return worksOn(actor, step) || manages(actor, run);
    }

    /**
     * Whether the actor may attach files to the step: exactly those who may complete the task or decide the approval
     * (so never the requester to their own run's approval).
     */
    static boolean attaches(Actor actor, ProcedureRun run, RunStep step) {
        return step.isApproval()
                ? decides(actor, step) && !actor.id().equals(run.requestedBy())
                : completes(actor, run, step);
    }

    /** Whether the actor may decide the approval, leaving aside that a requester never decides their own run. */
    static boolean decides(Actor actor, RunStep step) {
        if (step.approver() != null || step.team() != null) {
            return worksOn(actor, step);
        }
        return step.isStarted() && actor.has(Role.COORDINATOR);
    }
}
