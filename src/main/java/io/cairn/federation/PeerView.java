package io.cairn.federation;

import io.cairn.identity.BusinessUnitId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A peer as admins see it.
 *
 * @param baseUrl its base URL in normal form, by which it is known
 * @param role {@code provider} (it publishes to this instance) or {@code customer} (this instance publishes to it)
 * @param state {@code active} or {@code suspended}: a suspended peer's requests are refused and nothing is sent to it
 * @param keyIds the ids of its public keys
 * @param keys its public keys, a JWK set
 * @param keysOrigin {@code pasted} by an admin or {@code fetched} from its key set
 * @param keysFetchedAt when fetched keys were fetched
 * @param businessUnit for a provider, the business unit whose incidents its publications become here
 */
public record PeerView(
        PeerId id,
        String name,
        String baseUrl,
        String role,
        String state,
        List<String> keyIds,
        Map<String, Object> keys,
        String keysOrigin,
        @Nullable Instant keysFetchedAt,
        @Nullable BusinessUnitId businessUnit,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public PeerView {
        keyIds = List.copyOf(keyIds);
        keys = Map.copyOf(keys);
    }

    /** Whether it may call this instance and be called. */
    public boolean active() {
        return "active".equals(state);
    }
}
