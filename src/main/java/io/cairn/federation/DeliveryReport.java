package io.cairn.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the messages to one peer fare, as admins see it: how many wait, went out, fail (wait after failed attempts) or
 * are dead, and the failing and dead ones with their last error.
 *
 * @param failing pending messages whose attempts failed so far
 * @param troubled the failing and dead messages, most recently changed first (at most 100)
 */
record DeliveryReport(
        PeerId peer,
        String name,
        String state,
        long pending,
        long delivered,
        long failing,
        long dead,
        List<Troubled> troubled) {

    DeliveryReport {
        troubled = List.copyOf(troubled);
    }

    /**
     * A message that failed to go out.
     *
     * @param state {@code pending} (it is tried again at {@code nextAttemptAt}) or {@code dead}
     */
    record Troubled(
            UUID id,
            SubscriptionId subscription,
            String kind,
            long exchangeVersion,
            String state,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant nextAttemptAt,
            Instant updatedAt) {}
}
