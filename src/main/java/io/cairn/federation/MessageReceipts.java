package io.cairn.federation;

import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores verified messages of a provider, in one short transaction with one audit record each (the digest of the JWS
 * as received), and nothing more: a message id, or a provider's incident and version, stored before is a duplicate
 * that stores nothing. Applying the stored messages follows apart ({@link MessageApplying}), woken when the
 * transaction commits; the caller answers only after it committed.
 */
@Service
class MessageReceipts {

    /** What became of a received message, as the inbox answers it. */
    record Receipt(UUID messageId, String outcome) {

        /** Stored, to be applied. */
        static final String ACCEPTED = "accepted";
        /** Stored before: nothing stored now. */
        static final String DUPLICATE = "duplicate";
    }

    /** A message that passed every check of a receiver: its signature, schema, freshness and addressing. */
    record Verified(ExchangeMessage message, String jws, PeerView provider, ReceivedMessages.Via via) {}

    private final ReceivedMessages store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageReceipts(ReceivedMessages store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Stores one verified message. */
    @Transactional
    Receipt accept(Verified verified) {
        return store(verified, clock.instant());
    }

    /**
     * Stores verified messages of one provider (a page of its feed) in one transaction: one statement inserts every
     * new one and one append records their receipts in the audit trail, in the page's order, just before the commit.
     * Answers each message's receipt in their order; of two messages with one id, or with one incident and version,
     * the later is a duplicate. The applier is not woken: a catch-up wakes it once its round is stored.
     */
    @Transactional
    List<Receipt> acceptAll(List<Verified> messages, PeerView provider) {
        Instant now = clock.instant();
        List<ReceivedMessages.Incoming> incoming = firstOfEach(messages);
        Set<UUID> stored = incoming.isEmpty()
                ? new HashSet<UUID>()
                : store.acceptAll(incoming, provider.id(), ReceivedMessages.Via.PULL, now);
        List<Receipt> receipts = new ArrayList<>(messages.size());
        List<AuditableEvent> received = new ArrayList<>(stored.size());
        for (ReceivedMessages.Incoming message : incoming) {
            if (stored.contains(message.messageId())) {
                received.add(new ProviderMessageReceived(
                        message.messageId(),
                        message.exchangeId(),
                        provider.id(),
                        message.version(),
                        ReceivedIncidents.channel(provider),
                        now,
                        ProviderMessageReceived.Outcome.ACCEPTED,
                        message.sha256()));
            }
        }
        for (Verified verified : messages) {
            UUID id = verified.message().messageId();
            receipts.add(new Receipt(id, stored.remove(id) ? Receipt.ACCEPTED : Receipt.DUPLICATE));
        }
        if (!received.isEmpty()) {
            events.publishEvent(new AuditableEvents(received));
        }
        return receipts;
    }

    /** The messages to store, the first of each message id and of each incident and version in the page's order. */
    private static List<ReceivedMessages.Incoming> firstOfEach(List<Verified> messages) {
        Set<UUID> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        List<ReceivedMessages.Incoming> incoming = new ArrayList<>(messages.size());
        for (Verified verified : messages) {
            ExchangeMessage message = verified.message();
            if (ids.add(message.messageId())
                    && versions.add(
                            message.incident().id() + "/" + message.incident().version())) {
                incoming.add(new ReceivedMessages.Incoming(
                        message.messageId(),
                        message.incident().id(),
                        message.incident().version(),
                        message.kind(),
                        ExchangeSignatures.sha256(verified.jws()),
                        verified.jws()));
            }
        }
        return incoming;
    }

    private Receipt store(Verified verified, Instant now) {
        ExchangeMessage message = verified.message();
        PeerView provider = verified.provider();
        String sha256 = ExchangeSignatures.sha256(verified.jws());
        if (!store.accept(message, provider.id(), verified.via(), sha256, verified.jws(), now)) {
            return new Receipt(message.messageId(), Receipt.DUPLICATE);
        }
        events.publishEvent(new ProviderMessageReceived(
                message.messageId(),
                message.incident().id(),
                provider.id(),
                message.incident().version(),
                ReceivedIncidents.channel(provider),
                now,
                ProviderMessageReceived.Outcome.ACCEPTED,
                sha256));
        return new Receipt(message.messageId(), Receipt.ACCEPTED);
    }
}
