package io.cairn.federation;

import io.cairn.shared.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Applies the messages that receiving stored ({@link MessageReceipts}): per incident of a provider in version order,
 * each version once, a version not higher than the one applied before marked superseded. Many incidents are applied
 * in one transaction; when one of them fails, each is applied in a transaction of its own, and the message that failed
 * is kept with the reason and tried again after a back-off (the later versions of its incident wait behind it), never
 * dropped. Several nodes share the work: an incident is applied by whoever holds its advisory lock, and the others
 * skip it. A pass starts after each receipt commits, every {@code cairn.federation.apply-interval} and at start-up,
 * so that what was acknowledged before a crash is applied by the next start.
 */
@Component
class MessageApplying implements AutoCloseable {

    /** The incidents applied in one transaction. */
    static final int BATCH = 50;
    /** The most batches of one pass; the next pass goes on. */
    static final int MAX_BATCHES = 1000;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(MessageApplying.class);

    /** What a pass did. */
    record Pass(int applied, int superseded, int failed) {}

    private final ReceivedMessages store;
    private final ReceivedIncidents incidents;
    private final PeerRegistry peers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean applyOnCommit;
    private final CatchUpRounds catchUps;
    private final InboxLoad inbox;
    private final ExecutorService waking = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "federation-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    MessageApplying(
            ReceivedMessages store,
            ReceivedIncidents incidents,
            PeerRegistry peers,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${cairn.federation.apply-on-commit:true}") boolean applyOnCommit,
            CatchUpRounds catchUps,
            InboxLoad inbox) {
        this.catchUps = catchUps;
        this.inbox = inbox;
        this.store = store;
        this.incidents = incidents;
        this.peers = peers;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.applyOnCommit = applyOnCommit;
    }

    /** Starts a pass once pushed messages committed (at most one pass waits behind the one running). */
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT)
    void received(MessageReceipts.PushedStored stored) {
        if (applyOnCommit) {
            wake();
        }
    }

    /** After a catch-up, which stores its pages without waking the applier page by page. */
    @EventListener
    void caughtUp(CatchUpRounds.Ended ended) {
        if (applyOnCommit) {
            wake();
        }
    }

    /** At start-up: what was acknowledged before a stop or a crash and not applied yet. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        wake();
    }

    @Scheduled(
            fixedDelayString = "${cairn.federation.apply-interval:PT30S}",
            initialDelayString = "${cairn.federation.apply-interval:PT30S}")
    void applyOnSchedule() {
        wake();
    }

    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waking.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        applyPending();
                    } catch (RuntimeException e) {
                        log.warn("Applying received messages stopped; the next pass goes on: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false);
            }
        }
    }

    /**
     * Applies what is pending, batch after batch while batches are full; a catch-up running on this node ends the
     * pass, and wakes the applier again when it ends. Each batch first gives way to a burst of pushes
     * ({@link InboxLoad}), for at most a second.
     */
    Pass applyPending() {
        Pass pass = new Pass(0, 0, 0);
        for (int batch = 0; batch < MAX_BATCHES && !catchUps.running() && inbox.awaitLull(); batch++) {
            List<ReceivedMessages.PendingExchange> due = store.pendingExchanges(BATCH, clock.instant());
            if (due.isEmpty()) {
                return pass;
            }
            Pass done = applyBatch(due);
            pass = new Pass(
                    pass.applied() + done.applied(),
                    pass.superseded() + done.superseded(),
                    pass.failed() + done.failed());
            if (due.size() < BATCH || done.applied() + done.superseded() + done.failed() == 0) {
                return pass;
            }
        }
        return pass;
    }

    /** The incidents in one transaction; when that fails, each in its own. */
    private Pass applyBatch(List<ReceivedMessages.PendingExchange> due) {
        Map<PeerId, Optional<PeerView>> providers = new HashMap<>();
        try {
            return transactions.execute(status -> {
                Tally tally = new Tally();
                for (ReceivedMessages.PendingExchange exchange : due) {
                    applyExchange(exchange, providers, tally);
                }
                return tally.pass();
            });
        } catch (RuntimeException batchFailed) {
            Tally total = new Tally();
            for (ReceivedMessages.PendingExchange exchange : due) {
                Tally one = new Tally();
                try {
                    transactions.executeWithoutResult(status -> applyExchange(exchange, providers, one));
                    total.add(one);
                } catch (NotApplied failed) {
                    fail(failed);
                    total.failed++;
                } catch (RuntimeException e) {
                    log.warn(
                            "Applying the received incident {} failed; tried again next pass: {}",
                            exchange,
                            e.toString());
                }
            }
            return total.pass();
        }
    }

    /** Applies the pending messages of one incident in version order, if no other transaction applies them now. */
    private void applyExchange(
            ReceivedMessages.PendingExchange exchange, Map<PeerId, Optional<PeerView>> providers, Tally tally) {
        if (!store.tryLockExchange(exchange.peer(), exchange.exchangeId())) {
            return;
        }
        Instant now = clock.instant();
        Optional<ReceivedMessages.ReceivedIncident> known = store.incident(exchange.peer(), exchange.exchangeId());
        for (ReceivedMessages.Pending message : store.pending(exchange.peer(), exchange.exchangeId())) {
            if (message.state() == ReceivedMessages.State.FAILED
                    && message.nextAttemptAt() != null
                    && message.nextAttemptAt().isAfter(now)) {
                return;
            }
            if (known.isPresent() && message.version() <= known.get().version()) {
                store.settle(message.messageId(), ReceivedMessages.State.SUPERSEDED, now);
                tally.superseded++;
                continue;
            }
            known = Optional.of(apply(message, exchange.peer(), known, providers));
            store.settle(message.messageId(), ReceivedMessages.State.APPLIED, now);
            tally.applied++;
        }
    }

    private ReceivedMessages.ReceivedIncident apply(
            ReceivedMessages.Pending message,
            PeerId peer,
            Optional<ReceivedMessages.ReceivedIncident> known,
            Map<PeerId, Optional<PeerView>> providers) {
        try {
            PeerView provider = providers
                    .computeIfAbsent(peer, peers::byId)
                    .orElseThrow(() ->
                            new NotApplied(message, "the provider peer was removed before its message was applied"));
            ExchangeMessage read = read(message);
            if (known.isPresent()) {
                return incidents.later(read, provider, known.get());
            }
            Outcome<ReceivedMessages.ReceivedIncident> first = incidents.first(read, provider);
            if (first instanceof Outcome.Refused<ReceivedMessages.ReceivedIncident> refused) {
                throw new NotApplied(
                        message,
                        "intake refused the report: " + refused.refusal().message());
            }
            return ((Outcome.Done<ReceivedMessages.ReceivedIncident>) first).value();
        } catch (NotApplied e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NotApplied(message, e.toString());
        }
    }

    /**
     * The message a stored JWS carries: its signature was verified when it was received, and is not again; its payload
     * is decoded by the Java runtime's decoder (Nimbus's constant-time one, for keys, took half the time of reading a
     * message, whose payload is no secret).
     */
    private static ExchangeMessage read(ReceivedMessages.Pending message) {
        String jws = message.jws();
        int payloadStart = jws.indexOf('.') + 1;
        int payloadEnd = jws.indexOf('.', payloadStart);
        try {
            if (payloadStart == 0 || payloadEnd < 0) {
                throw new IllegalArgumentException("it is no compact JWS");
            }
            byte[] payload = Base64.getUrlDecoder().decode(jws.substring(payloadStart, payloadEnd));
            return ExchangeJson.MAPPER.readValue(payload, ExchangeMessage.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new NotApplied(message, "the stored message cannot be read: " + e.getMessage());
        }
    }

    /** Keeps the message with why it failed, to be tried again after a back-off that doubles up to an hour. */
    private void fail(NotApplied failed) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failed.attempts, 10));
        Instant next = clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
        transactions.executeWithoutResult(status -> store.fail(failed.messageId, failed.reason, next));
        log.warn(
                "Received message {} could not be applied (attempt {}), tried again at {}: {}",
                failed.messageId,
                failed.attempts + 1,
                next,
                failed.reason);
    }

    @Override
    public void close() {
        waking.shutdownNow();
    }

    /** Why a message was not applied; rolls back the transaction it was applied in. */
    private static final class NotApplied extends RuntimeException {

        private final UUID messageId;
        private final int attempts;
        private final String reason;

        NotApplied(ReceivedMessages.Pending message, String reason) {
            super(reason, null, false, false);
            this.messageId = message.messageId();
            this.attempts = message.attempts();
            this.reason = reason.length() <= 1000 ? reason : reason.substring(0, 1000) + "\u2026";
        }
    }

    private static final class Tally {

        private int applied;
        private int superseded;
        private int failed;

        void add(Tally other) {
            applied += other.applied;
            superseded += other.superseded;
            failed += other.failed;
        }

        Pass pass() {
            return new Pass(applied, superseded, failed);
        }
    }
}
