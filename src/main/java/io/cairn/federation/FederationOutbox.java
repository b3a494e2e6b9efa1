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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
    private final DeliveryQueue queue;

    FederationOutbox(JdbcClient jdbc, DeliveryQueues queues, FederationSettings settings) {
        this.jdbc = jdbc;
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
            String jws,
            Instant expiresAt) {}

    /**
     * Queues the messages, due now, in their order, in one statement (an audience may be a thousand subscriptions):
     * the rows take their place in the sequence in the order given.
     */
    void enqueue(List<Queued> messages, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                insert into federation_outbox (id, subscription_id, peer_id, incident_id, message_id, exchange_id,
                  exchange_version, kind, jws, expires_at, state, attempts, next_attempt_at, created_at, updated_at)
                select m.id, m.subscription_id, m.peer_id, m.incident_id, m.message_id, m.exchange_id,
                  m.exchange_version, m.kind, m.jws, m.expires_at, 'pending', 0, ?, ?, ?
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::text[],
                            ?::text[], ?::timestamptz[])
                  with ordinality as m(id, subscription_id, peer_id, incident_id, message_id, exchange_id,
                                       exchange_version, kind, jws, expires_at, n)
                order by m.n""")
                .params(
                        at,
                        at,
                        at,
                        messages.stream().map(message -> UUID.randomUUID()).toArray(UUID[]::new),
                        messages.stream()
                                .map(message -> message.subscription().value())
                                .toArray(UUID[]::new),
                        messages.stream().map(message -> message.peer().value()).toArray(UUID[]::new),
                        messages.stream()
                                .map(message -> message.incident().value())
                                .toArray(UUID[]::new),
                        messages.stream().map(Queued::messageId).toArray(UUID[]::new),
                        messages.stream().map(Queued::exchangeId).toArray(UUID[]::new),
                        messages.stream().map(Queued::exchangeVersion).toArray(Long[]::new),
                        messages.stream().map(Queued::kind).toArray(String[]::new),
                        messages.stream().map(Queued::jws).toArray(String[]::new),
                        messages.stream()
                                .map(message -> message.expiresAt().toString())
                                .toArray(String[]::new))
                .update();
    }

    /**
     * Where a queued message goes, read with its row: whether its subscription is still active, and its peer's state
     * and base URL (null when the peer was removed).
     */
    record Recipient(
            boolean subscribed,
            @Nullable String peerState,
            @Nullable String peerBaseUrl) {

        /** The peer's base URL when the message can go now: its subscription and its peer active. */
        Optional<String> reachable() {
            return subscribed && "active".equals(peerState) ? Optional.ofNullable(peerBaseUrl) : Optional.empty();
        }
    }

    /** What the pusher needs of a claimed row, read with its subscription and peer in one query. */
    record Push(Stored message, Recipient recipient) {}

    /** Where a claimed row goes and how large its message is, for grouping rows into envelopes. */
    record Destination(Recipient recipient, long jwsBytes) {}

    /** A queued message as stored: what sending or serving it needs, and what re-issuing it needs. */
    record Stored(
            UUID id,
            long sequence,
            SubscriptionId subscription,
            IncidentId incident,
            UUID exchangeId,
            long exchangeVersion,
            String kind,
            String jws,
            Instant expiresAt) {}

    private static final String STORED = """
            o.id, o.sequence, o.subscription_id, o.incident_id, o.exchange_id, o.exchange_version, o.kind, o.jws,
            o.expires_at""";

    Push push(DeliveryId id) {
        return jdbc.sql(PUSHES + "o.id = ?")
                .param(id.value())
                .query((row, n) -> push(row))
                .single();
    }

    /** What the pusher needs of each claimed row, in one query, by row; a row no longer stored is left out. */
    Map<DeliveryId, Push> pushes(List<DeliveryId> ids) {
        Map<DeliveryId, Push> pushes = new HashMap<>();
        jdbc.sql(PUSHES + "o.id = any(?)")
                .param(ids.stream().map(DeliveryId::value).toArray(UUID[]::new))
                .query((row, n) -> push(row))
                .list()
                .forEach(push -> pushes.put(new DeliveryId(push.message().id()), push));
        return pushes;
    }

    /**
     * Where each claimed row goes, in one query that reads the messages' lengths and not the messages, by row; a row
     * no longer stored is left out.
     */
    Map<DeliveryId, Destination> destinations(List<DeliveryId> ids) {
        Map<DeliveryId, Destination> destinations = new HashMap<>();
        jdbc.sql("select o.id, octet_length(o.jws) as jws_bytes, " + RECIPIENT + "o.id = any(?)")
                .param(ids.stream().map(DeliveryId::value).toArray(UUID[]::new))
                .query((row, n) -> Map.entry(
                        new DeliveryId(row.getObject("id", UUID.class)),
                        new Destination(recipient(row), row.getLong("jws_bytes"))))
                .list()
                .forEach(destination -> destinations.put(destination.getKey(), destination.getValue()));
        return destinations;
    }

    private static final String RECIPIENT = """
              s.state = 'active' as subscribed, p.state as peer_state, p.base_url
            from federation_outbox o
            left join federation_subscription s on s.id = o.subscription_id
            left join federation_peer p on p.id = o.peer_id
            where\s""";

    private static final String PUSHES = "select " + STORED + ", " + RECIPIENT;

    private static Push push(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Push(stored(row), recipient(row));
    }

    private static Recipient recipient(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Recipient(row.getBoolean("subscribed"), row.getString("peer_state"), row.getString("base_url"));
    }

    /** The subscription's messages after the given place in the sequence, in order, at most {@code limit}. */
    List<Stored> feed(SubscriptionId subscription, long after, int limit) {
        return jdbc.sql("select " + STORED + """
                 from federation_outbox o where o.subscription_id = ? and o.sequence > ?
                order by o.sequence limit ?""")
                .params(subscription.value(), after, limit)
                .query((row, n) -> stored(row))
                .list();
    }

    /** Replaces a queued message by its re-issue, unless it was replaced meanwhile (by another node). */
    boolean replace(Stored message, String jws, Instant expiresAt) {
        return jdbc.sql("update federation_outbox set jws = ?, expires_at = ? where id = ? and jws = ?")
                        .params(jws, Timestamp.from(expiresAt), message.id(), message.jws())
                        .update()
                == 1;
    }

    /** The message now queued in the row. */
    String current(UUID id) {
        return jdbc.sql("select jws from federation_outbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static Stored stored(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Stored(
                row.getObject("id", UUID.class),
                row.getLong("sequence"),
                new SubscriptionId(row.getObject("subscription_id", UUID.class)),
                new IncidentId(row.getObject("incident_id", UUID.class)),
                row.getObject("exchange_id", UUID.class),
                row.getLong("exchange_version"),
                row.getString("kind"),
                row.getString("jws"),
                row.getTimestamp("expires_at").toInstant());
    }
}
