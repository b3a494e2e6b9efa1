package io.cairn.federation;

import org.jspecify.annotations.Nullable;

/**
 * What an admin gives for a peer.
 *
 * @param name how this instance shows it, 1 to 100 characters
 * @param baseUrl its public base URL, such as {@code https://cairn.provider.example}
 * @param role {@code provider} or {@code customer}
 * @param keys its public keys as a JWK set in JSON; null or blank to fetch them from its key set instead
 * @param businessUnit for a provider, the id of the business unit whose incidents its publications become here (and
 *     so the legal entity whose duties a personal-data breach it states starts); null or blank for none
 */
public record PeerDefinition(
        @Nullable String name,
        @Nullable String baseUrl,
        @Nullable String role,
        @Nullable String keys,
        @Nullable String businessUnit) {

    /** Whether the admin pasted keys rather than leaving them to be fetched. */
    public boolean keysPasted() {
        return keys != null && !keys.isBlank();
    }
}
