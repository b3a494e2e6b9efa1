package io.cairn.delivery;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery module's entry point: makes a {@link DeliveryQueue} over a module's own queue table and delivery log.
 * A module makes its queue once, at start-up, and keeps it.
 */
@Service
public class DeliveryQueues {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransactions;
    private final Clock clock;

    DeliveryQueues(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransactions = new TransactionTemplate(transactions);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * A queue over the given tables: failed attempts are retried by the policy, and a claimed item whose attempt
     * records no outcome within the lease (its node died) becomes due again. The lease must be longer than the
     * longest attempt (a deliverer's timeouts), or a slow attempt is made twice at once.
     */
    public DeliveryQueue queue(QueueTables tables, RetryPolicy policy, Duration lease) {
        return new DeliveryQueue(tables, policy, lease, jdbc, ownTransactions, clock);
    }
}
