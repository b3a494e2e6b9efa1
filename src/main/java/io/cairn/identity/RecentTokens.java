package io.cairn.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
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
    static final int MAX_ENTRIES = 10_000;

    /** The tokens by digest (in hex); none when the time to live turns the cache off. */
    private final @Nullable Cache<String, TokenLookup> tokens;

    @Autowired
    RecentTokens(@Value("${cairn.api.token-cache-ttl:PT5S}") Duration timeToLive, Clock clock) {
        this(timeToLive, () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    /** Remembers tokens for the time to live as the ticker counts it. */
    RecentTokens(Duration timeToLive, Ticker ticker) {
        this.tokens = timeToLive.isZero() || timeToLive.isNegative()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(MAX_ENTRIES)
                        // a token marked as used keeps the time it was looked up, so it is looked up again on time
                        .expireAfter(Expiry.<String, TokenLookup>creating((digest, token) -> timeToLive))
                        .ticker(ticker)
                        .executor(Runnable::run)
                        .build();
    }

    /** What a token lookup found: the token's own facts and the user it acts for. */
    record TokenLookup(
            java.util.UUID id,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt,
            Actor actor,
            boolean enabled) {

        TokenLookup usedAt(Instant now) {
            return new TokenLookup(id, expiresAt, revokedAt, now, actor, enabled);
        }
    }

    /**
     * The token with this digest (in hex), from memory when it was looked up within the time to live. The lookup
     * runs outside the cache's lock: it takes a database connection, and threads waiting on that lock might hold
     * the rest of the pool.
     */
    Optional<TokenLookup> find(String digest, Supplier<Optional<TokenLookup>> lookUp) {
        Cache<String, TokenLookup> cache = tokens;
        if (cache == null) {
            return lookUp.get();
        }
        TokenLookup remembered = cache.getIfPresent(digest);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<TokenLookup> found = lookUp.get();
        found.ifPresent(token -> cache.put(digest, token));
        return found;
    }

    /** Remembers that the token was just used, keeping the time it was looked up. */
    void used(String digest, TokenLookup token) {
        if (tokens != null) {
            tokens.asMap().computeIfPresent(digest, (key, remembered) -> token);
        }
    }

    /** How many tokens are in memory now. */
    long remembered() {
        if (tokens == null) {
            return 0;
        }
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    /** Forgets every token now and once more when the current transaction commits. */
    void forgetAll() {
        Cache<String, TokenLookup> cache = tokens;
        if (cache == null) {
            return;
        }
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidateAll();
                }
            });
        }
    }
}
