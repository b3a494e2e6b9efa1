package io.cairn.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item of a queue as an admin sees it, without its payload (which its module adds): how far it got, and its
 * delivery log.
 *
 * @param attempts the attempts since it was queued or last retried by an admin
 * @param nextAttemptAt when the next attempt is due; empty unless pending
 * @param lastError why the last attempt failed
 * @param deliveries every attempt, oldest first
 */
public record DeliveryStatus(
        DeliveryId id,
        DeliveryState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deliveredAt,
        List<DeliveryAttempt> deliveries) {

    public DeliveryStatus {
        deliveries = List.copyOf(deliveries);
    }
}
