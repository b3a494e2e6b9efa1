package io.cairn.federation;

import io.cairn.shared.ContentDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** Stores verified messages (a page of a feed) in one transaction, each with its receipt, in their order. */
    @Transactional
    List<Receipt> acceptAll(List<Verified> messages) {
        Instant now = clock.instant();
        List<Receipt> receipts = new ArrayList<>(messages.size());
        for (Verified verified : messages) {
            receipts.add(store(verified, now));
        }
        return receipts;
    }

    private Receipt store(Verified verified, Instant now) {
        ExchangeMessage message = verified.message();
        PeerView provider = verified.provider();
        String sha256 = ContentDigest.of(verified.jws().getBytes(StandardCharsets.US_ASCII))
                .hex();
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
