package io.cairn.isms.runs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A step of a run as the person who works on it sees it: what to do, for which run of which procedure, who owns that
 * run, and only the start form's fields the step names. It says what the reader may do with it.
 *
 * @param reference the run's reference, such as {@code PRC-12}: the mark that the work comes from a security procedure
 * @param procedure the name of the procedure type, in the reader's language
 * @param ownerName who owns the run: the person to ask whether the request is real
 * @param requestedByYou whether the reader asked for the run (and so may not decide its approvals)
 */
public record StepWork(
        RunStepId id,
        ProcedureRunId run,
        String reference,
        String procedure,
        String phaseName,
        String ownerName,
        String title,
        String description,
        List<String> articles,
        String kind,
        boolean mandatory,
        @Nullable String teamName,
        @Nullable String approverName,
        @Nullable Instant dueAt,
        StepState state,
        @Nullable String note,
        @Nullable String closedByName,
        @Nullable Instant closedAt,
        List<FormValue> shared,
        boolean mayComplete,
        boolean mayDecide,
        boolean requestedByYou,
        long version) {

    public StepWork {
        articles = List.copyOf(articles);
        shared = List.copyOf(shared);
    }

    public boolean isOpen() {
        return state == StepState.OPEN;
    }

    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    /** A value of the start form as shown: its key, its label in the reader's language, and the value. */
    public record FormValue(String key, String label, String value) {}
}
