package io.cairn.notification;

import io.cairn.delivery.DeliveryAttempt;
import io.cairn.delivery.DeliveryState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notification as an admin sees it: where it goes, how far it got, and its delivery log. Secrets it carries (such as
 * a follow-up code) are never shown.
 *
 * @param nextAttemptAt when the next attempt is due; empty unless pending
 * @param lastError why the last attempt failed
 * @param deliveries every attempt, oldest first
 */
public record NotificationView(
        NotificationId id,
        String channel,
        String recipient,
        String template,
        String language,
        DeliveryState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deliveredAt,
        List<DeliveryAttempt> deliveries) {

    public NotificationView {
        deliveries = List.copyOf(deliveries);
    }
}
