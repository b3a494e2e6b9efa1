package io.cairn.federation;

import org.jspecify.annotations.Nullable;

/**
 * What an admin gives for a peer.
 *
 * @param name how this instance shows it, 1 to 100 characters
 * @param baseUrl its public base URL, such as {@code https://cairn.provider.example}
 * @param role {@code provider} or {@code customer}
 * @param keys its public keys as a JWK set in JSON; null or blank to fetch them from its key set instead
 */
public record PeerDefinition(
        @Nullable String name,
        @Nullable String baseUrl,
        @Nullable String role,
        @Nullable String keys) {

    /** Whether the admin pasted keys rather than leaving them to be fetched. */
    public boolean keysPasted() {
        return keys != null && !keys.isBlank();
    }
}
