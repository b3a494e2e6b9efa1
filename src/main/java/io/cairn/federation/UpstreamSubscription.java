package io.cairn.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription this instance holds at one of its providers, under the id the provider gave it.
 *
 * @param peer the provider peer it is held at
 * @param state {@code active} or {@code cancelled}
 * @param feedCursor where this instance's reading of the provider's feed stands: the provider's opaque cursor, null
 *     before the first read
 */
public record UpstreamSubscription(
        SubscriptionId id,
        PeerId peer,
        SubscriptionFilter filter,
        String state,
        @Nullable String feedCursor,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Whether the provider still publishes to it. */
    public boolean active() {
        return "active".equals(state);
    }
}
