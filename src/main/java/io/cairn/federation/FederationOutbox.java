package io.cairn.federation;

import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.DeliveryQueue;
import io.cairn.delivery.DeliveryQueues;
import io.cairn.delivery.QueueTables;
import io.cairn.delivery.RetryPolicy;
import io.cairn.incidents.IncidentId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The federation outbox: a queue of the delivery module over {@code federation_outbox} and its log
 * {@code federation_delivery}, one row per (subscription, message), written in the transaction of the decision to
 * publish. Its {@code sequence} orders each subscription's pull feed.
 */
@Component
class FederationOutbox {

    static final QueueTables TABLES = new QueueTables("federation_outbox", "federation_delivery", "outbox_id");

    /** Past a push's timeouts (connect and read, for a redirect or two), so that a slow peer is not pushed twice. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DeliveryQueue queue;

    FederationOutbox(JdbcClient jdbc, JdbcTemplate batches, DeliveryQueues queues, FederationSettings settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.queue = queues.queue(
                TABLES,
                RetryPolicy.forAtMost(
                        settings.giveUpAfter(), Duration.ofSeconds(10), Duration.ofHours(1), RetryPolicy.Jitter.FULL),
                LEASE);
    }

    DeliveryQueue queue() {
        return queue;
    }

    /** A signed message for one subscription, to queue. */
    record Queued(
            SubscriptionId subscription,
            PeerId peer,
            IncidentId incident,
            UUID messageId,
            UUID exchangeId,
            long exchangeVersion,
            String kind,
            String jws) {}

    /** Queues the messages, due now, in their order (one batch of statements: an audience may be large). */
    void enqueue(List<Queued> messages, Instant now) {
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate(
                """
                insert into federation_outbox (id, subscription_id, peer_id, incident_id, message_id, exchange_id,
                  exchange_version, kind, jws, state, attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)""",
                messages.stream()
                        .map(message -> new Object[] {
                            UUID.randomUUID(),
                            message.subscription().value(),
                            message.peer().value(),
                            message.incident().value(),
                            message.messageId(),
                            message.exchangeId(),
                            message.exchangeVersion(),
                            message.kind(),
                            message.jws(),
                            at,
                            at,
                            at
                        })
                        .toList());
    }

    /** What the pusher needs of a claimed row. */
    record Push(UUID id, SubscriptionId subscription, PeerId peer, String jws) {}

    Push push(DeliveryId id) {
        return jdbc.sql("select id, subscription_id, peer_id, jws from federation_outbox where id = ?")
                .param(id.value())
                .query((row, n) -> new Push(
                        row.getObject("id", UUID.class),
                        new SubscriptionId(row.getObject("subscription_id", UUID.class)),
                        new PeerId(row.getObject("peer_id", UUID.class)),
                        row.getString("jws")))
                .single();
    }

    /** One message of a feed: its place in this hop's sequence, and the signed message. */
    record FeedEntry(long sequence, String jws) {}

    /** The subscription's messages after the given place in the sequence, in order, at most {@code limit}. */
    List<FeedEntry> feed(SubscriptionId subscription, long after, int limit) {
        return jdbc.sql("""
                select sequence, jws from federation_outbox where subscription_id = ? and sequence > ?
                order by sequence limit ?""")
                .params(subscription.value(), after, limit)
                .query((row, n) -> new FeedEntry(row.getLong("sequence"), row.getString("jws")))
                .list();
    }
}
