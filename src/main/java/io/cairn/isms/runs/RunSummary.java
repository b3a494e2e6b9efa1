package io.cairn.isms.runs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A run as a list shows it: what, where it is, who owns it, when it is due, how many steps are open. */
public record RunSummary(
        ProcedureRunId id,
        String reference,
        String procedure,
        RunState state,
        String phaseName,
        String ownerName,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant closedAt,
        int openSteps) {

    public boolean isOverdue(Instant now) {
        return state == RunState.OPEN && dueAt != null && dueAt.isBefore(now);
    }
}
