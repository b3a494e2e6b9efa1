package io.cairn.notification;

import io.cairn.delivery.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained ({@code cairn.notification.*}).
 *
 * @param maxAttempts attempts after which a notification is dead-lettered
 * @param firstRetryDelay the shortest wait after a failed attempt, and half the longest wait after the first one
 * @param maxRetryDelay the longest wait between two attempts
 * @param drainInterval how long a node waits between two passes over the outbox
 * @param batchSize the most notifications one pass handles
 */
@ConfigurationProperties("cairn.notification")
record NotificationSettings(
        int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay, Duration drainInterval, int batchSize) {

    NotificationSettings {
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        drainInterval = drainInterval == null ? Duration.ofSeconds(10) : drainInterval;
        batchSize = batchSize <= 0 ? 50 : batchSize;
    }

    /**
     * The outbox's retry policy: dead after the maximum number of attempts; between attempts, exponential back-off with
     * full jitter above a floor, so that notifications that failed together, as they do while a mail server is down,
     * are not all tried again at the same moment.
     */
    RetryPolicy retryPolicy() {
        return RetryPolicy.upToAttempts(maxAttempts, firstRetryDelay, maxRetryDelay, RetryPolicy.Jitter.FULL);
    }

    /**
     * The wait after the given number of failed attempts, drawn at random between the first retry delay and the
     * ceiling. Below the maximum, the wait is on average what plain doubling gave plus half the first retry delay; it
     * is never shorter than the first retry delay and never longer than the maximum.
     */
    Duration delayAfter(int failedAttempts, RandomGenerator random) {
        return retryPolicy().delayAfter(failedAttempts, random);
    }

    /** The longest wait after the given number of failed attempts: twice the first retry delay, doubled per failure. */
    Duration ceilingAfter(int failedAttempts) {
        return retryPolicy().ceilingAfter(failedAttempts);
    }
}
