package io.cairn.isms.controls;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The summary at the top of the evidence of a control: how many runs, how many were completed with no exception,
 * how many are still open and not yet late, how many have exceptions, and the exceptions by kind.
 *
 * @param inProgress runs still open and not past any due time
 * @param exceptions how many exceptions of each kind, every kind listed (zero included)
 * @param within how many runs met the working days the auditor asked for, if they asked
 */
public record EvidenceSummary(
        long runs,
        long onTime,
        long inProgress,
        long withExceptions,
        List<KindCount> exceptions,
        @Nullable Within within) {

    /**
     * The runs completed within the working days asked for, and those that were not (completed later or still open
     * past it); the rest (open and not yet past it, cancelled, rejected) neither.
     *
     * @param calendar the name of the calendar whose working days count
     */
    public record Within(int workingDays, String calendar, long met, long notMet) {}

    public EvidenceSummary {
        exceptions = List.copyOf(exceptions);
    }

    /** How many exceptions of one kind. */
    public record KindCount(ExceptionKind kind, long count) {}

    /** All exceptions, of every kind. */
    public long exceptionCount() {
        return exceptions.stream().mapToLong(KindCount::count).sum();
    }
}
