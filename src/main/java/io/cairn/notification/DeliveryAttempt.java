package io.cairn.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log: an attempt to deliver a notification, and how it went.
 *
 * @param detail why it failed; empty for a delivery
 */
public record DeliveryAttempt(
        int attempt,
        Instant at,
        boolean succeeded,
        @Nullable String detail) {}
