package io.cairn.isms.controls;

import java.util.List;

/**
 * The summary at the top of the evidence of a control: how many runs, how many were completed with no exception,
 * how many are still open and not yet late, how many have exceptions, and the exceptions by kind.
 *
 * @param inProgress runs still open and not past any due time
 * @param exceptions how many exceptions of each kind, every kind listed (zero included)
 */
public record EvidenceSummary(
        long runs, long onTime, long inProgress, long withExceptions, List<KindCount> exceptions) {

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
