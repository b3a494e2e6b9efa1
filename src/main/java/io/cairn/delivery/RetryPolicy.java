package io.cairn.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When a queue tries a failed item again, and when it gives up: exponential back-off from an initial delay to a
 * maximum, with a random part so that items that failed together (a receiver that was down) are not all tried again
 * at once; dead after a number of attempts, after a time since the item was queued (or retried by an admin), or
 * after whichever comes first.
 *
 * @param initialDelay the shortest wait after a failed attempt, and half the longest wait after the first one
 * @param maxDelay the longest wait between two attempts
 * @param jitter how the wait is drawn below its ceiling
 * @param maxAttempts attempts after which an item is dead; 0 for no such limit
 * @param giveUpAfter the time since the item was queued (or retried) after which a failure makes it dead; none for no
 *     such limit
 */
public record RetryPolicy(
        Duration initialDelay,
        Duration maxDelay,
        Jitter jitter,
        int maxAttempts,
        @Nullable Duration giveUpAfter) {

    /** How a wait is drawn between its floor and its ceiling. */
    public enum Jitter {
        /** Anywhere from the initial delay to the ceiling: the widest spread. */
        FULL,
        /** Anywhere from half the ceiling (never below the initial delay) to the ceiling: a wait close to doubling. */
        EQUAL
    }

    public RetryPolicy {
        requirePositive("initialDelay", initialDelay);
        requirePositive("maxDelay", maxDelay);
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more, not " + maxAttempts);
        }
        if (giveUpAfter != null) {
            requirePositive("giveUpAfter", giveUpAfter);
        } else if (maxAttempts == 0) {
            throw new IllegalArgumentException("a retry policy needs maxAttempts or giveUpAfter, or it never gives up");
        }
    }

    /** Dead after the given number of attempts. */
    public static RetryPolicy upToAttempts(int maxAttempts, Duration initialDelay, Duration maxDelay, Jitter jitter) {
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, not " + maxAttempts);
        }
        return new RetryPolicy(initialDelay, maxDelay, jitter, maxAttempts, null);
    }

    /** Dead at the first failure once the given time has passed since the item was queued or retried by an admin. */
    public static RetryPolicy forAtMost(Duration giveUpAfter, Duration initialDelay, Duration maxDelay, Jitter jitter) {
        return new RetryPolicy(initialDelay, maxDelay, jitter, 0, giveUpAfter);
    }

    /**
     * When to try again after the given number of failed attempts, the last of which failed at {@code failedAt}; empty
     * when the item is given up on.
     */
    public Optional<Instant> retryAt(int failedAttempts, Instant since, Instant failedAt, RandomGenerator random) {
        return givesUp(failedAttempts, since, failedAt)
                ? Optional.empty()
                : Optional.of(failedAt.plus(delayAfter(failedAttempts, random)));
    }

    /** Whether a failure of the given attempt, at {@code failedAt} in a run of attempts begun at {@code since}, is the last. */
    public boolean givesUp(int failedAttempts, Instant since, Instant failedAt) {
        return (maxAttempts > 0 && failedAttempts >= maxAttempts)
                || (giveUpAfter != null && !failedAt.isBefore(since.plus(giveUpAfter)));
    }

    /**
     * The wait after the given number of failed attempts, drawn at random between a floor and {@link #ceilingAfter}:
     * never shorter than the initial delay (or the maximum, when that is shorter) and never longer than the maximum.
     */
    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        Duration ceiling = ceilingAfter(failedAttempts);
        Duration floor = shorter(initialDelay, maxDelay);
        if (jitter == Jitter.EQUAL) {
            Duration half = ceiling.dividedBy(2);
            floor = half.compareTo(floor) > 0 ? half : floor;
        }
        long spread = ceiling.minus(floor).toNanos();
        return spread <= 0 ? floor : floor.plusNanos(random.nextLong(spread + 1));
    }

    /** The longest wait after the given number of failed attempts: twice the initial delay, doubled per failure. */
    public Duration ceilingAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1), 30);
        return shorter(initialDelay.multipliedBy(1L << doublings), maxDelay);
    }

    private static Duration shorter(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero, not " + duration);
        }
    }
}
