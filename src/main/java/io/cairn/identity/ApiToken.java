package io.cairn.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token: a named 256-bit secret of which only the SHA-256 digest is stored.
 *
 * <p>A fast digest, not a password hash, because the secret is random and long: a slow hash on every request would
 * cap the API at a few requests per second per core.
 */
@Table("api_token")
class ApiToken {

    @Id
    private final UUID id;

    private final UUID userId;
    private final String name;
    private final byte[] digest;
    private final Instant createdAt;
    private final @Nullable Instant expiresAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    ApiToken(
            UUID id,
            UUID userId,
            String name,
            byte[] digest,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt,
            @Nullable Long version) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.digest = digest.clone();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.version = version;
    }

    static ApiToken issue(UserId owner, String name, byte[] digest, Instant now, @Nullable Instant expiresAt) {
        return new ApiToken(UUID.randomUUID(), owner.value(), name, digest, now, expiresAt, null, null, null);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean belongsTo(UserId user) {
        return userId.equals(user.value());
    }

    TokenView view() {
        return new TokenView(id, name, createdAt, expiresAt, lastUsedAt, revokedAt);
    }

    String snapshot() {
        return "apiToken{id=" + id + ",user=" + userId + ",name=" + name + ",expiresAt=" + expiresAt + ",revokedAt="
                + revokedAt + "}";
    }
}
