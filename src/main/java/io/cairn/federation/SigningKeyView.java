package io.cairn.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of this instance's signing keys as admins see it: never its private part.
 *
 * @param kid its key id, the RFC 7638 thumbprint of its public part
 * @param state {@code active} (signs what this instance sends), {@code retired} (still published and valid for
 *     peers until {@code validUntil}) or {@code expired} (no longer published)
 * @param retiredAt when a rotation retired it
 * @param validUntil until when a retired key stays valid
 */
public record SigningKeyView(
        String kid,
        String algorithm,
        String state,
        Instant createdAt,
        @Nullable Instant retiredAt,
        @Nullable Instant validUntil) {}
