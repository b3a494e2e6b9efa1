package io.cairn.identity;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the identity changes committed on this node (a user disabled, given other roles or teams or a one-time
 * password, a token revoked), so that every signed-in session notices at its next request that its user may have
 * changed and reads them again: the change takes effect at once on this node. Other nodes of a cluster are not told;
 * their sessions read their users again every few seconds.
 */
@Component
class IdentityGeneration {

    private final AtomicLong generation = new AtomicLong();

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
