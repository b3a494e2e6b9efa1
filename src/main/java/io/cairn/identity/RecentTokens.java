package io.cairn.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens looked up in the last few seconds, with the user they act for, so that a machine sending many
 * requests costs one token lookup per few seconds rather than one per request (a tenth of the server's and the
 * database's work per reported incident in the create benchmark).
 *
 * <p>Any change to identity on this node (a revoked token, a disabled user, changed roles or teams) forgets every
 * entry at once and again after its commit. Another node notices such a change within the time to live
 * ({@code cairn.api.token-cache-ttl}, 5 seconds by default; {@code PT0S} turns the cache off).
 */
@Component
class RecentTokens {

    /** Bounds memory when many distinct tokens are used within one time to live. */
    private static final int MAX_ENTRIES = 10_000;

    private final Duration timeToLive;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RecentTokens(@Value("${cairn.api.token-cache-ttl:PT5S}") Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    /** A token as looked up, and when. */
    record Entry(TokenLookup token, Instant lookedUpAt) {}

    /** What a token lookup found: the token's own facts and the user it acts for. */
    record TokenLookup(java.util.UUID id, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt, Actor actor, boolean enabled) {

        TokenLookup usedAt(Instant now) {
            return new TokenLookup(id, expiresAt, revokedAt, now, actor, enabled);
        }
    }

    /** The token with this digest (in hex), from memory when it was looked up within the time to live. */
    Optional<TokenLookup> find(String digest, Instant now, Supplier<Optional<TokenLookup>> lookUp) {
        Entry entry = entries.get(digest);
        if (entry != null && entry.lookedUpAt().plus(timeToLive).isAfter(now)) {
            return Optional.of(entry.token());
        }
        Optional<TokenLookup> found = lookUp.get();
        if (!timeToLive.isZero() && !timeToLive.isNegative()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            found.ifPresentOrElse(token -> entries.put(digest, new Entry(token, now)), () -> entries.remove(digest));
        }
        return found;
    }

    /** Remembers that the token was just used, keeping the time it was looked up. */
    void used(String digest, TokenLookup token) {
        entries.computeIfPresent(digest, (key, entry) -> new Entry(token, entry.lookedUpAt()));
    }

    /** Forgets every token now and once more when the current transaction commits. */
    void forgetAll() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.clear();
                }
            });
        }
    }
}
