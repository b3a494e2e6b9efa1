package io.cairn.federation;

import io.cairn.delivery.ClaimedDelivery;
import io.cairn.delivery.Deliverer;
import io.cairn.delivery.DeliveryRound;
import io.cairn.delivery.DeliveryWorker;
import io.cairn.delivery.Undeliverable;
import io.cairn.shared.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes the outbox to the subscribers with the delivery module's worker, {@code push-parallelism} at once: each
 * message is POSTed as {@code application/jose} to {@code <subscriber>/federation/v1/inbox} with a signed request.
 * A 2xx answer is delivered; 400, 413 and 422 mean the peer refuses the message for good, so it is dead at once with
 * the peer's problem; anything else is tried again after a back-off with jitter, and dead after {@code give-up-after}.
 * A message for a suspended peer waits (tried again, as a failure that says so, until the peer is resumed or the
 * message is dead, when an admin can retry it); one for a subscription that was cancelled is dead at once, for a
 * cancellation is final.
 */
@Component
class OutboxPusher implements Deliverer, AutoCloseable {

    static final String INBOX = "/federation/v1/inbox";
    static final String CONTENT_TYPE = "application/jose";
    private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 413, 422);
    private static final int MAX_DETAIL = 500;
    private static final Logger log = LoggerFactory.getLogger(OutboxPusher.class);

    private final FederationOutbox outbox;
    private final SubscriptionStore subscriptions;
    private final PeerRegistry peers;
    private final PeerClient client;
    private final DeliveryWorker worker;

    OutboxPusher(
            FederationOutbox outbox,
            SubscriptionStore subscriptions,
            PeerRegistry peers,
            PeerClient client,
            FederationSettings settings) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.peers = peers;
        this.client = client;
        this.worker =
                outbox.queue().worker(this, Math.max(100, settings.pushParallelism()), settings.pushParallelism());
    }

    @Scheduled(
            fixedDelayString = "${cairn.federation.push-interval:PT5S}",
            initialDelayString = "${cairn.federation.push-interval:PT5S}")
    void pushOnSchedule() {
        DeliveryRound round = pushDue();
        if (round.deferred() + round.deadLettered() > 0) {
            log.warn(
                    "Federation outbox: {} delivered, {} failed and wait for another attempt, {} dead-lettered",
                    round.delivered(),
                    round.deferred(),
                    round.deadLettered());
        }
    }

    /** One pass: pushes what is due, each message at most once. */
    DeliveryRound pushDue() {
        return worker.deliverDue();
    }

    @Override
    public void deliver(ClaimedDelivery item) {
        FederationOutbox.Push push = outbox.push(item.id());
        Optional<Subscription> subscription = subscriptions.customers(push.subscription());
        if (subscription.isEmpty() || !subscription.get().active()) {
            throw new Undeliverable("the subscription was cancelled: nothing more is sent for it");
        }
        PeerView peer = peers.byId(push.peer()).orElseThrow(() -> new Undeliverable("the peer was removed"));
        if (!"active".equals(peer.state())) {
            throw new IllegalStateException("the peer is suspended: the message waits until it is resumed");
        }
        Outcome<PeerHttp.Answer> sent =
                client.post(peer, INBOX, CONTENT_TYPE, push.jws().getBytes(StandardCharsets.US_ASCII));
        if (sent instanceof Outcome.Refused<PeerHttp.Answer> refused) {
            throw new IllegalStateException(refused.refusal().message());
        }
        PeerHttp.Answer answer = ((Outcome.Done<PeerHttp.Answer>) sent).value();
        if (answer.status() >= 200 && answer.status() < 300) {
            return;
        }
        String detail = "the peer answered HTTP " + answer.status() + ": " + detail(answer);
        if (REFUSED_FOR_GOOD.contains(answer.status())) {
            throw new Undeliverable(detail);
        }
        throw new IllegalStateException(detail);
    }

    private static String detail(PeerHttp.Answer answer) {
        String body = new String(answer.body(), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        return body.length() <= MAX_DETAIL ? body : body.substring(0, MAX_DETAIL) + "\u2026";
    }

    @Override
    public void close() {
        worker.close();
    }
}
