package io.cairn.federation;

import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores verified messages of providers with one audit record each (the digest of the JWS as received), and nothing
 * more: a message id, or a provider's incident and version, stored before is a duplicate that stores nothing. Pushes
 * that arrive together are stored together ({@link GroupCommit}): one statement inserts them, one append records
 * their receipts, one commit, however many providers pushed; a page of a feed is stored in one transaction the same
 * way. Applying the stored messages follows apart ({@link MessageApplying}), woken when pushed messages commit; the
 * caller answers only after its message committed.
 */
@Service
class MessageReceipts {

    /** The most pushed messages stored in one transaction. */
    static final int MAX_BATCH = 64;

    /** What became of a received message, as the inbox answers it. */
    record Receipt(UUID messageId, String outcome) {

        /** Stored, to be applied. */
        static final String ACCEPTED = "accepted";
        /** Stored before: nothing stored now. */
        static final String DUPLICATE = "duplicate";
        /** Pushed with a signed request used before: nothing stored, and the push is refused. */
        static final String REPLAYED = "replayed";
    }

    /**
     * A message that passed every check of a receiver: its signature, schema, freshness and addressing.
     *
     * @param request the id of the signed request that pushed it, remembered when the message is stored; null when
     *     it was pulled
     */
    record Verified(
            ExchangeMessage message,
            String jws,
            PeerView provider,
            ReceivedMessages.Via via,
            SeenRequests.@Nullable Request request) {}

    /** Pushed messages were stored (published in the transaction that stored them): time to apply them. */
    record PushedStored() {}

    private final ReceivedMessages store;
    private final SeenRequests seen;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final GroupCommit<Verified, Receipt> pushes;

    MessageReceipts(
            ReceivedMessages store,
            SeenRequests seen,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.seen = seen;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.pushes = new GroupCommit<>(MAX_BATCH, this::acceptAll);
    }

    /** Stores one verified message, with the others pushed meanwhile; answers once it is committed. */
    Receipt accept(Verified verified) {
        return pushes.write(verified);
    }

    /**
     * Stores verified messages in one transaction: one statement remembers the signed requests that pushed them (a
     * message whose request was used before is not stored, its receipt says replayed), one inserts every new message
     * and one append records their receipts in the audit trail, in their order, just before the commit. Answers each
     * message's receipt in their order; of two messages with one id, or with one provider's incident and version, the
     * later is a duplicate. Pulled messages do not wake the applier: a catch-up wakes it once its round is stored.
     */
    List<Receipt> acceptAll(List<Verified> messages) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Set<Verified> replayed = replayed(messages, now);
            List<ReceivedMessages.Incoming> incoming = firstOfEach(messages, replayed);
            Set<UUID> stored = incoming.isEmpty() ? new HashSet<UUID>() : store.acceptAll(incoming, now);
            List<AuditableEvent> received = new ArrayList<>(stored.size());
            boolean pushed = false;
            for (ReceivedMessages.Incoming message : incoming) {
                if (stored.contains(message.messageId())) {
                    received.add(receipt(message, now));
                    pushed |= message.via() == ReceivedMessages.Via.PUSH;
                }
            }
            List<Receipt> receipts = new ArrayList<>(messages.size());
            for (Verified verified : messages) {
                UUID id = verified.message().messageId();
                receipts.add(new Receipt(
                        id,
                        replayed.contains(verified)
                                ? Receipt.REPLAYED
                                : stored.remove(id) ? Receipt.ACCEPTED : Receipt.DUPLICATE));
            }
            if (!received.isEmpty()) {
                events.publishEvent(new AuditableEvents(received));
            }
            if (pushed) {
                events.publishEvent(new PushedStored());
            }
            return receipts;
        });
    }

    /**
     * The pushed messages whose signed request was used before, by an earlier push or by one before it here;
     * remembers the others' requests.
     */
    private Set<Verified> replayed(List<Verified> messages, Instant now) {
        Map<List<String>, SeenRequests.Request> first = new LinkedHashMap<>();
        Set<Verified> replayed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Verified verified : messages) {
            SeenRequests.Request request = verified.request();
            if (request != null && first.putIfAbsent(List.of(request.issuer(), request.jti()), request) != null) {
                replayed.add(verified);
            }
        }
        if (!first.isEmpty()) {
            Set<SeenRequests.Request> fresh = seen.firstUses(List.copyOf(first.values()), now);
            for (Verified verified : messages) {
                if (verified.request() != null && !fresh.contains(verified.request())) {
                    replayed.add(verified);
                }
            }
        }
        return replayed;
    }

    private static ProviderMessageReceived receipt(ReceivedMessages.Incoming message, Instant now) {
        return new ProviderMessageReceived(
                message.messageId(),
                message.exchangeId(),
                message.provider().id(),
                message.version(),
                ReceivedIncidents.channel(message.provider()),
                now,
                ProviderMessageReceived.Outcome.ACCEPTED,
                message.sha256());
    }

    /**
     * The messages to store, the first of each message id and of each provider's incident and version, in their
     * order, none of those replayed.
     */
    private static List<ReceivedMessages.Incoming> firstOfEach(List<Verified> messages, Set<Verified> replayed) {
        Set<UUID> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        List<ReceivedMessages.Incoming> incoming = new ArrayList<>(messages.size());
        for (Verified verified : messages) {
            ExchangeMessage message = verified.message();
            if (!replayed.contains(verified)
                    && ids.add(message.messageId())
                    && versions.add(verified.provider().id() + "/"
                            + message.incident().id() + "/" + message.incident().version())) {
                incoming.add(new ReceivedMessages.Incoming(
                        message.messageId(),
                        verified.provider(),
                        verified.via(),
                        message.incident().id(),
                        message.incident().version(),
                        message.kind(),
                        ExchangeSignatures.sha256(verified.jws()),
                        verified.jws()));
            }
        }
        return incoming;
    }
}
