package io.cairn.isms.controls;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run that evidences a control: who asked for it and owns it, when it started, was due and ended, its state, its
 * timeline (the steps that evidence the control and its approvals) and its exceptions.
 *
 * @param requester who asked for it; empty for a run a schedule started
 * @param state {@code open}, {@code completed}, {@code rejected} or {@code cancelled}
 * @param closeReason why it was rejected or cancelled
 */
public record EvidenceRun(
        String id,
        String reference,
        String procedure,
        String requester,
        String owner,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant endedAt,
        String state,
        String closeReason,
        List<EvidenceStep> steps,
        List<EvidenceException> exceptions) {

    public EvidenceRun {
        requester = requester == null ? "" : requester;
        closeReason = closeReason == null ? "" : closeReason;
        steps = List.copyOf(steps);
        exceptions = List.copyOf(exceptions);
    }

    public boolean isOpen() {
        return "open".equals(state);
    }

    /** Whether it was completed with no exception. */
    public boolean isOnTime() {
        return "completed".equals(state) && exceptions.isEmpty();
    }

    /** The same run with its exceptions. */
    EvidenceRun withExceptions(List<EvidenceException> found) {
        return new EvidenceRun(
                id,
                reference,
                procedure,
                requester,
                owner,
                startedAt,
                dueAt,
                endedAt,
                state,
                closeReason,
                steps,
                found);
    }
}
