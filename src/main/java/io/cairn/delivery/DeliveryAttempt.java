package io.cairn.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a delivery log: an attempt to deliver an item of a queue, and how it went.
 *
 * @param detail why it failed; empty for a delivery
 */
public record DeliveryAttempt(
        int attempt,
        Instant at,
        boolean succeeded,
        @Nullable String detail) {}
