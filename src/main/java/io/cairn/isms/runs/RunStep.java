package io.cairn.isms.runs;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureStep;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a run: a task a team does or an approval someone other than the requester decides. Its verbs check the
 * rules of moving it on and answer the step in its new state, or the refusal; who may act is checked by the caller.
 *
 * @param team the team that does it (or whose members approve it); empty for the run's owner
 * @param approver for an approval: the person the start form named to decide it; empty when the team's members may
 * @param fields the keys of the start form's fields the step's team may read; nothing else of the run
 * @param controls the ISO/IEC 27001:2022 Annex A controls the step evidences
 * @param openedAt when its phase started; empty while the phase has not
 * @param note what the person who closed it wrote; empty while it is open
 * @param version the stored version the step was read at
 */
public record RunStep(
        RunStepId id,
        int position,
        String phase,
        String title,
        String description,
        ProcedureStep.Kind kind,
        boolean mandatory,
        @Nullable TeamId team,
        @Nullable UserId approver,
        List<String> fields,
        List<String> articles,
        List<String> controls,
        @Nullable Instant openedAt,
        @Nullable Instant dueAt,
        StepState state,
        @Nullable String note,
        @Nullable UserId closedBy,
        @Nullable Instant closedAt,
        long version) {

    /** The longest note or reason a step keeps. */
    static final int MAX_NOTE = 5000;

    public RunStep {
        fields = List.copyOf(fields);
        articles = List.copyOf(articles);
        controls = List.copyOf(controls);
    }

    public boolean isOpen() {
        return state == StepState.OPEN;
    }

    /** Whether its phase has started: only then may anyone act on it, and only then does its team see it. */
    public boolean isStarted() {
        return openedAt != null;
    }

    public boolean isApproval() {
        return kind == ProcedureStep.Kind.APPROVAL;
    }

    /** Whether it is open and its due time has passed. */
    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    /** The step as its phase starts: open, and due at the time given (or never, without one). */
    RunStep opened(Instant at, @Nullable Instant due) {
        return with(state, note, closedBy, closedAt, at, due);
    }

    /** Completes the open task, with a note if one is written. */
    Outcome<RunStep> complete(@Nullable String text, UserId by, Instant at) {
        if (isApproval()) {
            return Outcome.refused(Refusal.conflict(RunRefusals.STEP_IS_APPROVAL, title));
        }
        return close(StepState.DONE, text, false, by, at);
    }

    /** Skips the open optional task or approval, for the reason given. */
    Outcome<RunStep> skip(@Nullable String reason, UserId by, Instant at) {
        if (mandatory) {
            return Outcome.refused(Refusal.conflict(RunRefusals.STEP_MANDATORY, title));
        }
        return close(StepState.SKIPPED, reason, true, by, at);
    }

    /** The optional step still open when its phase was left: skipped, by whoever moved the run on, with no reason. */
    RunStep leftBehind(UserId by, Instant at) {
        return with(StepState.SKIPPED, null, by, at, openedAt, dueAt);
    }

    /** Decides the open approval; a rejection needs a reason. */
    Outcome<RunStep> decide(boolean approved, @Nullable String text, UserId by, Instant at) {
        if (!isApproval()) {
            return Outcome.refused(Refusal.conflict(RunRefusals.STEP_IS_TASK, title));
        }
        return close(approved ? StepState.APPROVED : StepState.REJECTED, text, !approved, by, at);
    }

    private Outcome<RunStep> close(
            StepState closing, @Nullable String text, boolean textRequired, UserId by, Instant at) {
        String field = closing == StepState.DONE || closing == StepState.APPROVED ? "note" : "reason";
        if (text != null && text.length() > MAX_NOTE) {
            return Outcome.refused(Refusal.invalid(field, SharedRefusals.TOO_LONG, String.valueOf(MAX_NOTE)));
        }
        if (textRequired && (text == null || text.isBlank())) {
            return Outcome.refused(Refusal.invalid(field, SharedRefusals.REQUIRED));
        }
        if (!isStarted()) {
            return Outcome.refused(Refusal.conflict(RunRefusals.STEP_WAITING, title));
        }
        if (!isOpen()) {
            return Outcome.refused(Refusal.conflict(RunRefusals.STEP_NOT_OPEN, title));
        }
        String kept = text == null || text.isBlank() ? null : text.trim();
        return Outcome.done(with(closing, kept, by, at, openedAt, dueAt));
    }

    private RunStep with(
            StepState newState,
            @Nullable String newNote,
            @Nullable UserId by,
            @Nullable Instant at,
            @Nullable Instant opened,
            @Nullable Instant due) {
        return new RunStep(
                id,
                position,
                phase,
                title,
                description,
                kind,
                mandatory,
                team,
                approver,
                fields,
                articles,
                controls,
                opened,
                due,
                newState,
                newNote,
                by,
                at,
                version);
    }
}
