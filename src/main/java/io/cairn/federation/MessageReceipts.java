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
import java.util.Optional;
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
 * that arrive together are stored together ({@link GroupCommit}): one statement inserts their messages (one each, or
 * many in an envelope), one append records their receipts, one commit, however many providers pushed; a page of a
 * feed is stored in one transaction the same way. Applying the stored messages follows apart ({@link MessageApplying}), woken when pushed messages commit; the
 * caller answers only after its message committed.
 */
@Service
class MessageReceipts {

    /** The most pushes stored in one transaction (a push of an envelope holds many messages). */
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

    /** A message that passed every check of a receiver: its signature, schema, freshness and addressing. */
    record Verified(ExchangeMessage message, String jws, PeerView provider, ReceivedMessages.Via via) {}

    /**
     * Messages received together: pushed in one signed request (one message, or an envelope of them), or pulled as a
     * page of a feed.
     *
     * @param request the id of the signed request that pushed them, remembered when they are stored; null when pulled
     */
    record Push(List<Verified> messages, SeenRequests.@Nullable Request request) {

        Push {
            messages = List.copyOf(messages);
        }
    }

    /** Pushed messages were stored (published in the transaction that stored them): time to apply them. */
    record PushedStored() {}

    private final ReceivedMessages store;
    private final SeenRequests seen;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final GroupCommit<Push, List<Receipt>> pushes;

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

    /**
     * Stores the messages of one push, with the other pushes received meanwhile; answers each message's receipt, in
     * their order, once they are committed.
     */
    List<Receipt> accept(Push push) {
        return pushes.write(push);
    }

    /**
     * Stores verified pushes in one transaction: one statement remembers the signed requests that pushed them (the
     * messages of a push whose request was used before are not stored, their receipts say replayed), one inserts every
     * new message and one append records their receipts in the audit trail, in their order, just before the commit.
     * Answers each push's receipts, each message's in their order; of two messages with one id, or with one
     * provider's incident and version, the later is a duplicate. Pulled messages do not wake the applier: a catch-up
     * wakes it once its round is stored.
     */
    List<List<Receipt>> acceptAll(List<Push> pushes) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Set<Push> replayed = replayed(pushes, now);
            List<ReceivedMessages.Incoming> incoming = firstOfEach(pushes, replayed);
            Set<UUID> stored = incoming.isEmpty() ? new HashSet<UUID>() : store.acceptAll(incoming, now);
            List<AuditableEvent> received = new ArrayList<>(stored.size());
            boolean pushed = false;
            for (ReceivedMessages.Incoming message : incoming) {
                if (stored.contains(message.messageId())) {
                    received.add(receipt(message, now));
                    pushed |= message.via() == ReceivedMessages.Via.PUSH;
                }
            }
            List<List<Receipt>> receipts = new ArrayList<>(pushes.size());
            for (Push push : pushes) {
                List<Receipt> ofPush = new ArrayList<>(push.messages().size());
                for (Verified verified : push.messages()) {
                    UUID id = verified.message().messageId();
                    ofPush.add(new Receipt(
                            id,
                            replayed.contains(push)
                                    ? Receipt.REPLAYED
                                    : stored.remove(id) ? Receipt.ACCEPTED : Receipt.DUPLICATE));
                }
                receipts.add(ofPush);
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
     * The pushes whose signed request was used before, by an earlier push or by one before it here; remembers the
     * others' requests.
     */
    private Set<Push> replayed(List<Push> pushes, Instant now) {
        Map<List<String>, SeenRequests.Request> first = new LinkedHashMap<>();
        Set<Push> replayed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Push push : pushes) {
            SeenRequests.Request request = push.request();
            if (request != null && first.putIfAbsent(List.of(request.issuer(), request.jti()), request) != null) {
                replayed.add(push);
            }
        }
        if (!first.isEmpty()) {
            Set<SeenRequests.Request> fresh = seen.firstUses(List.copyOf(first.values()), now);
            for (Push push : pushes) {
                if (push.request() != null && !fresh.contains(push.request())) {
                    replayed.add(push);
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
    private static List<ReceivedMessages.Incoming> firstOfEach(List<Push> pushes, Set<Push> replayed) {
        Set<UUID> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        List<ReceivedMessages.Incoming> incoming = new ArrayList<>();
        for (Push push : pushes) {
            if (!replayed.contains(push)) {
                push.messages()
                        .forEach(verified -> firstOf(verified, ids, versions).ifPresent(incoming::add));
            }
        }
        return incoming;
    }

    /** The message to store, unless one with its id or its provider's incident and version comes before it. */
    private static Optional<ReceivedMessages.Incoming> firstOf(Verified verified, Set<UUID> ids, Set<String> versions) {
        ExchangeMessage message = verified.message();
        if (ids.add(message.messageId())
                && versions.add(verified.provider().id() + "/"
                        + message.incident().id() + "/" + message.incident().version())) {
            return Optional.of(new ReceivedMessages.Incoming(
                    message.messageId(),
                    verified.provider(),
                    verified.via(),
                    message.incident().id(),
                    message.incident().version(),
                    message.kind(),
                    ExchangeSignatures.sha256(verified.jws()),
                    verified.jws()));
        }
        return Optional.empty();
    }
}
