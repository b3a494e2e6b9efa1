package io.cairn.federation;

import io.cairn.delivery.ClaimedDelivery;
import io.cairn.delivery.Deliverer;
import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.DeliveryRound;
import io.cairn.delivery.DeliveryWorker;
import io.cairn.delivery.Undeliverable;
import io.cairn.shared.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes the outbox to the subscribers with the delivery module's worker, {@code push-parallelism} at once: each
 * message is POSTed as {@code application/jose} to {@code <subscriber>/federation/v1/inbox} with a signed request, and
 * messages for one subscriber claimed together go in one envelope ({@link InboxEnvelope}, up to {@code push-together}
 * messages, 100 by default) with one signed request, each answered by its own receipt. A 2xx answer (a receipt
 * accepted or duplicate) is delivered; 400, 413 and 422 mean the peer refuses the message for good, so it is dead at
 * once with the peer's problem; anything else is tried again after a back-off with jitter, and dead after {@code give-up-after}.
 * A message for a suspended peer waits (tried again, as a failure that says so, until the peer is resumed or the
 * message is dead, when an admin can retry it); one for a subscription that was cancelled is dead at once, for a
 * cancellation is final.
 *
 * <p>A pass goes on round after round while rounds are full, so a publication to many subscribers is not spread over
 * one {@code push-interval} per batch; and with {@code cairn.federation.push-on-commit} (the default) the messages of a
 * decision go out as soon as it has committed, instead of at the next interval: a round running now claims them in its
 * next free slot (a slow push in flight does not hold them back), or else a pass starts.
 */
@Component
class OutboxPusher implements Deliverer, AutoCloseable {

    static final String CONTENT_TYPE = "application/jose";
    static final String ENVELOPE_TYPE = "application/json";
    static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 413, 422);
    /** Answers to an envelope after which each of its messages is pushed alone. */
    private static final Set<Integer> ALONE_INSTEAD = Set.of(400, 413, 415, 422);

    private static final int MAX_DETAIL = 500;
    /** The most rounds of one pass: 100 full rounds are at least 10,000 messages; the next pass goes on. */
    static final int MAX_ROUNDS = 100;

    private static final Logger log = LoggerFactory.getLogger(OutboxPusher.class);

    private final FederationOutbox outbox;
    private final MessageReissuing reissuing;
    private final PeerClient client;
    private final DeliveryWorker worker;
    private final int batchSize;
    private final boolean pushOnCommit;
    private final int mostTogether;
    private final ExecutorService waking = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "federation-push-on-commit");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    OutboxPusher(
            FederationOutbox outbox,
            MessageReissuing reissuing,
            PeerClient client,
            FederationSettings settings,
            @Value("${cairn.federation.push-on-commit:true}") boolean pushOnCommit,
            @Value("${cairn.federation.push-together:" + InboxEnvelope.MAX_MESSAGES + "}") int pushTogether) {
        if (pushTogether < 1 || pushTogether > InboxEnvelope.MAX_MESSAGES) {
            throw new IllegalArgumentException("cairn.federation.push-together must be 1 to "
                    + InboxEnvelope.MAX_MESSAGES + ", not " + pushTogether);
        }
        this.mostTogether = pushTogether;
        this.outbox = outbox;
        this.reissuing = reissuing;
        this.client = client;
        this.batchSize = Math.max(100, settings.pushParallelism());
        this.pushOnCommit = pushOnCommit;
        this.worker = outbox.queue().worker(this, batchSize, settings.pushParallelism());
    }

    @Scheduled(
            fixedDelayString = "${cairn.federation.push-interval:PT5S}",
            initialDelayString = "${cairn.federation.push-interval:PT5S}")
    void pushOnSchedule() {
        pushWhileFull();
    }

    /**
     * Once a decision that queued messages has committed: a round running now claims them as soon as it has a free
     * slot, or, when none will, a pass starts (one pass at most waits to run).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void decided(PublicationChanged decision) {
        if (pushOnCommit && !worker.wake() && wakeQueued.compareAndSet(false, true)) {
            waking.execute(() -> {
                wakeQueued.set(false);
                pushWhileFull();
            });
        }
    }

    /** Rounds until one is not full (at most {@value #MAX_ROUNDS} in a pass), each message at most once a round. */
    void pushWhileFull() {
        for (int rounds = 0; rounds < MAX_ROUNDS; rounds++) {
            DeliveryRound round = pushDue();
            if (round.deferred() + round.deadLettered() > 0) {
                log.warn(
                        "Federation outbox: {} delivered, {} failed and wait for another attempt, {} dead-lettered",
                        round.delivered(),
                        round.deferred(),
                        round.deadLettered());
            }
            if (round.handled() < batchSize) {
                return;
            }
        }
    }

    /** One pass: pushes what is due, each message at most once. */
    DeliveryRound pushDue() {
        return worker.deliverDue();
    }

    @Override
    public void deliver(ClaimedDelivery item) {
        // the message, its subscription and its peer in one query: a publication may be a thousand pushes
        FederationOutbox.Push push = outbox.push(item.id());
        String baseUrl = sendable(push.recipient());
        // a message retried after it expired, or after its key did, leaves issued again
        String jws = reissuing.sendable(push.message());
        PeerHttp.Answer answer = sent(
                client.post(baseUrl, FederationSecurity.INBOX, CONTENT_TYPE, jws.getBytes(StandardCharsets.US_ASCII)));
        if (answer.status() >= 200 && answer.status() < 300) {
            return;
        }
        String detail = "the peer answered HTTP " + answer.status() + ": " + detail(answer);
        if (REFUSED_FOR_GOOD.contains(answer.status())) {
            throw new Undeliverable(detail);
        }
        throw new IllegalStateException(detail);
    }

    /** The base URL the message goes to, or an exception that says why it cannot go now. */
    private static String sendable(FederationOutbox.Recipient recipient) {
        return recipient.reachable().orElseThrow(() -> {
            if (!recipient.subscribed()) {
                return new Undeliverable("the subscription was cancelled: nothing more is sent for it");
            }
            if (recipient.peerBaseUrl() == null) {
                return new Undeliverable("the peer was removed");
            }
            return new IllegalStateException("the peer is suspended: the message waits until it is resumed");
        });
    }

    private static PeerHttp.Answer sent(Outcome<PeerHttp.Answer> sent) {
        if (sent instanceof Outcome.Refused<PeerHttp.Answer> refused) {
            throw new IllegalStateException(refused.refusal().message());
        }
        return ((Outcome.Done<PeerHttp.Answer>) sent).value();
    }

    @Override
    public int mostTogether() {
        return mostTogether;
    }

    /** Claimed messages for one peer go out together, in envelopes of at most {@code push-together} messages. */
    @Override
    public List<List<ClaimedDelivery>> together(List<ClaimedDelivery> claimed) {
        return PushGroups.byPeer(
                claimed,
                outbox.destinations(claimed.stream().map(ClaimedDelivery::id).toList()),
                mostTogether);
    }

    /**
     * Pushes messages for one peer in one envelope: each message's receipt says whether it went out (accepted or a
     * duplicate) or was refused, for good when the peer refuses it so alone too. A peer that does not take the
     * envelope whole (an older inbox, one too large) gets each message alone.
     */
    @Override
    public Map<DeliveryId, RuntimeException> deliverTogether(List<ClaimedDelivery> items) {
        Map<DeliveryId, FederationOutbox.Push> pushes =
                outbox.pushes(items.stream().map(ClaimedDelivery::id).toList());
        Map<DeliveryId, RuntimeException> failed = new HashMap<>();
        List<ClaimedDelivery> going = new ArrayList<>();
        List<FederationOutbox.Stored> messages = new ArrayList<>();
        String baseUrl = null;
        for (ClaimedDelivery item : items) {
            try {
                FederationOutbox.Push push = pushes.get(item.id());
                if (push == null) {
                    throw new Undeliverable("the message is no longer in the outbox");
                }
                baseUrl = sendable(push.recipient());
                going.add(item);
                messages.add(push.message());
            } catch (RuntimeException cannot) {
                failed.put(item.id(), cannot);
            }
        }
        if (going.size() == 1 || baseUrl == null) {
            failed.putAll(Deliverer.super.deliverTogether(going));
            return failed;
        }
        List<String> jws = messages.stream().map(reissuing::sendable).toList();
        PeerHttp.Answer answer =
                sent(client.post(baseUrl, FederationSecurity.INBOX, ENVELOPE_TYPE, InboxEnvelope.of(jws)));
        if (ALONE_INSTEAD.contains(answer.status())) {
            failed.putAll(Deliverer.super.deliverTogether(going));
            return failed;
        }
        failed.putAll(PushGroups.failures(going, answer, detail(answer)));
        return failed;
    }

    private static String detail(PeerHttp.Answer answer) {
        String body = new String(answer.body(), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        return body.length() <= MAX_DETAIL ? body : body.substring(0, MAX_DETAIL) + "\u2026";
    }

    @Override
    public void close() {
        waking.shutdownNow();
        worker.close();
    }
}
