package io.cairn.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained ({@code cairn.notification.*}).
 *
 * @param maxAttempts attempts after which a notification is dead-lettered
 * @param firstRetryDelay the wait after the first failed attempt; each further failure doubles it
 * @param maxRetryDelay the longest wait between two attempts
 * @param drainInterval how long a node waits between two passes over the outbox
 * @param batchSize the most notifications one pass handles
 */
@ConfigurationProperties("cairn.notification")
record NotificationSettings(int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay,
        Duration drainInterval, int batchSize) {

    NotificationSettings {
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        drainInterval = drainInterval == null ? Duration.ofSeconds(10) : drainInterval;
        batchSize = batchSize <= 0 ? 50 : batchSize;
    }

    /** The wait after the given number of failed attempts: exponential back-off, capped. */
    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
