package io.cairn.federation;

import io.cairn.delivery.DeliveryId;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery status of the federation outbox for admins: per peer, the messages pending, delivered, failing and
 * dead, the failing and dead ones with their last error, and the retry of one dead message or of every dead message
 * of a peer, each retry audited.
 */
@Service
class DeliveryStatusKeeping {

    static final int MAX_TROUBLED = 100;

    private final JdbcClient jdbc;
    private final FederationOutbox outbox;
    private final PeerRegistry peers;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryStatusKeeping(
            JdbcClient jdbc,
            FederationOutbox outbox,
            PeerRegistry peers,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.peers = peers;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Counts of one peer's messages. */
    private record Counts(long pending, long delivered, long failing, long dead) {}

    /** Every peer's delivery status (admins). */
    @Transactional(readOnly = true)
    Outcome<List<DeliveryReport>> reports() {
        return admin("see the delivery status").map(actor -> {
            Map<UUID, Counts> counts = counts();
            return peers.all().stream()
                    .map(peer -> report(peer, counts.getOrDefault(peer.id().value(), new Counts(0, 0, 0, 0))))
                    .toList();
        });
    }

    /** One peer's delivery status (admins). */
    @Transactional(readOnly = true)
    Outcome<DeliveryReport> report(PeerId id) {
        return admin("see the delivery status")
                .flatMap(actor -> peers.byId(id)
                        .<Outcome<PeerView>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(PeerRegistry.notFound(id))))
                .map(peer -> report(peer, counts().getOrDefault(peer.id().value(), new Counts(0, 0, 0, 0))));
    }

    private Map<UUID, Counts> counts() {
        return jdbc
                .sql("""
                select peer_id,
                  count(*) filter (where state = 'pending') as pending,
                  count(*) filter (where state = 'delivered') as delivered,
                  count(*) filter (where state = 'pending' and last_error is not null) as failing,
                  count(*) filter (where state = 'dead') as dead
                from federation_outbox group by peer_id""")
                .query((row, n) -> Map.entry(
                        row.getObject("peer_id", UUID.class),
                        new Counts(
                                row.getLong("pending"),
                                row.getLong("delivered"),
                                row.getLong("failing"),
                                row.getLong("dead"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private DeliveryReport report(PeerView peer, Counts counts) {
        List<DeliveryReport.Troubled> troubled = jdbc.sql("""
                select id, subscription_id, kind, exchange_version, state, attempts, last_error, next_attempt_at,
                  updated_at
                from federation_outbox
                where peer_id = ? and (state = 'dead' or (state = 'pending' and last_error is not null))
                order by updated_at desc, id limit ?""")
                .params(peer.id().value(), MAX_TROUBLED)
                .query((row, n) -> new DeliveryReport.Troubled(
                        row.getObject("id", UUID.class),
                        new SubscriptionId(row.getObject("subscription_id", UUID.class)),
                        row.getString("kind"),
                        row.getLong("exchange_version"),
                        row.getString("state"),
                        row.getInt("attempts"),
                        row.getString("last_error"),
                        "pending".equals(row.getString("state"))
                                ? row.getTimestamp("next_attempt_at").toInstant()
                                : null,
                        row.getTimestamp("updated_at").toInstant()))
                .list();
        return new DeliveryReport(
                peer.id(),
                peer.name(),
                peer.state(),
                counts.pending(),
                counts.delivered(),
                counts.failing(),
                counts.dead(),
                troubled);
    }

    /** Sends one dead message back to be pushed again, due now (admins). */
    @Transactional
    Outcome<UUID> retry(UUID message) {
        return admin("retry messages").flatMap(actor -> {
            Optional<io.cairn.delivery.DeliveryStatus> status = outbox.queue().lock(new DeliveryId(message));
            if (status.isEmpty()) {
                return Outcome.refused(Refusal.notFound("message " + message));
            }
            if (!outbox.queue().revive(new DeliveryId(message))) {
                return Outcome.refused(Refusal.conflict(FederationRefusals.NOT_A_DEAD_LETTER));
            }
            events.publishEvent(new DeliveryRetried(message, actor.ref(), clock.instant()));
            return Outcome.done(message);
        });
    }

    /** Sends every dead message of a peer back to be pushed again (admins); how many. */
    @Transactional
    Outcome<Integer> retryAll(PeerId peer) {
        return admin("retry messages").flatMap(actor -> {
            if (peers.byId(peer).isEmpty()) {
                return Outcome.refused(PeerRegistry.notFound(peer));
            }
            List<UUID> dead = jdbc.sql("select id from federation_outbox where peer_id = ? and state = 'dead' "
                            + "order by id for update")
                    .param(peer.value())
                    .query(UUID.class)
                    .list();
            int revived = 0;
            for (UUID id : dead) {
                if (outbox.queue().revive(new DeliveryId(id))) {
                    events.publishEvent(new DeliveryRetried(id, actor.ref(), clock.instant()));
                    revived++;
                }
            }
            return Outcome.done(revived);
        });
    }

    private Outcome<Actor> admin(String what) {
        Optional<Actor> actor = identity.currentActor().filter(a -> a.has(Role.ADMIN));
        return actor.<Outcome<Actor>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what)));
    }
}
