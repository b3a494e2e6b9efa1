package io.cairn.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the identity changes committed on this node (a user disabled, given other roles or teams or a one-time
 * password, a token revoked), so that every signed-in session notices at its next request that its user may have
 * changed and reads them again: the change takes effect at once on this node. Other nodes of a cluster are not told;
 * their sessions read their users again after {@code cairn.session.user-refresh} (5 seconds by default).
 */
@Component
class IdentityGeneration {

    private final AtomicLong generation = new AtomicLong();
    private final Duration refresh;

    IdentityGeneration(@Value("${cairn.session.user-refresh:PT5S}") Duration refresh) {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("cairn.session.user-refresh must not be negative: " + refresh);
        }
        this.refresh = refresh;
    }

    /**
     * Whether a session must read its user again: a change was committed on this node since it last did, or it read
     * the user longer ago than a change on another node may stay unnoticed.
     */
    boolean stale(long seenGeneration, Instant loadedAt, Instant now) {
        return seenGeneration != generation.get() || !loadedAt.plus(refresh).isAfter(now);
    }

    /** The number of changes so far; read it before reading a user, so that a change committed meanwhile counts. */
    long current() {
        return generation.get();
    }

    /** Counts a change once the current transaction commits, or at once outside a transaction. */
    void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            generation.incrementAndGet();
            return;
        }
        // not before the commit: a session that read its user before then would keep the old state
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generation.incrementAndGet();
            }
        });
    }
}
