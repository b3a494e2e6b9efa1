package io.cairn.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription one of this instance's customers holds at it.
 *
 * @param peer the customer peer that holds it
 * @param rule the provider's rule for publishing to it without a handler's decision; null when every publication is a
 *     handler's decision
 * @param state {@code active} or {@code cancelled}
 */
public record Subscription(
        SubscriptionId id,
        PeerId peer,
        SubscriptionFilter filter,
        @Nullable PublicationRule rule,
        String state,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Whether incidents are still published to it. */
    public boolean active() {
        return "active".equals(state);
    }
}
