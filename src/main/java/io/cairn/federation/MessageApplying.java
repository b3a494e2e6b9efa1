package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Stores a verified message of a provider and applies it, in one transaction: messages about one incident are
 * serialised (a lock on the provider and exchange id), a message id seen before is a duplicate that stores nothing,
 * a version not higher than the one applied is recorded as superseded, and any other is applied. Each stored message
 * is audited with the digest of the JWS as received.
 */
@Service
class MessageApplying {

    /** What became of a message, as the inbox answers it. */
    record Receipt(UUID messageId, String outcome) {

        static final String APPLIED = "applied";
        static final String SUPERSEDED = "superseded";
        static final String DUPLICATE = "duplicate";
    }

    private final ReceivedMessages store;
    private final ReceivedIncidents incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageApplying(
            ReceivedMessages store, ReceivedIncidents incidents, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Outcome<Receipt> apply(ExchangeMessage message, String jws, PeerView peer, ReceivedMessages.Via via) {
        ExchangeMessage.Incident incident = message.incident();
        store.lockExchange(peer.id(), incident.id());
        if (store.seen(message.messageId())) {
            return Outcome.done(new Receipt(message.messageId(), Receipt.DUPLICATE));
        }
        Optional<ReceivedMessages.ReceivedIncident> known = store.incident(peer.id(), incident.id());
        boolean superseded =
                known.isPresent() && incident.version() <= known.get().version();
        String sha256 =
                ContentDigest.of(jws.getBytes(StandardCharsets.US_ASCII)).hex();
        Instant now = clock.instant();
        String outcome = superseded ? Receipt.SUPERSEDED : Receipt.APPLIED;
        if (!store.record(message, peer.id(), outcome, via, sha256, jws, now)) {
            return Outcome.done(new Receipt(message.messageId(), Receipt.DUPLICATE));
        }
        Outcome<IncidentId> applied;
        if (superseded) {
            applied = Outcome.done(known.get().incident());
        } else if (known.isPresent()) {
            incidents.later(message, peer, known.get());
            applied = Outcome.done(known.get().incident());
        } else {
            applied = incidents.first(message, peer);
        }
        if (applied instanceof Outcome.Refused<IncidentId> refused) {
            // the message's record must not outlive a report intake refused
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.refused(refused.refusal());
        }
        events.publishEvent(
                receipt(message, peer, ((Outcome.Done<IncidentId>) applied).value(), sha256, now, superseded));
        return Outcome.done(new Receipt(message.messageId(), outcome));
    }

    /** The audit trail's record of a receipt. */
    private static ProviderMessageReceived receipt(
            ExchangeMessage message,
            PeerView peer,
            IncidentId incident,
            String sha256,
            Instant now,
            boolean superseded) {
        return new ProviderMessageReceived(
                message.messageId(),
                message.incident().id(),
                peer.id(),
                incident,
                message.incident().version(),
                ReceivedIncidents.channel(peer),
                now,
                superseded ? ProviderMessageReceived.Outcome.SUPERSEDED : ProviderMessageReceived.Outcome.APPLIED,
                sha256);
    }
}
