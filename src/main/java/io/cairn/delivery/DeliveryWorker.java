package io.cairn.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one queue in rounds: claims due items as delivery slots free up, hands each (or each group the module sends
 * together, {@link Deliverer#together}) to the module's {@link Deliverer} and records the outcome (the deliveries of
 * items that went out about the same time in one transaction). Each item is tried at most once a round; with a
 * parallelism above one, up to that many attempts run at once on the worker's own threads, which end when idle (or on
 * {@link #close}).
 * A module that queues new items while a round runs {@link #wake wakes} it, and the round claims them in its next free
 * slot rather than after its slowest attempt.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final Deliverer deliverer;
    private final int batchSize;
    private final int parallelism;
    private final @Nullable ThreadPoolExecutor threads;
    /** The rounds running now that a {@link #wake} reaches. */
    private final Set<Round> rounds = new CopyOnWriteArraySet<>();
    /** Items that went out and whose delivery is not recorded yet, of every round. */
    private final Queue<Sent> unrecorded = new ConcurrentLinkedQueue<>();
    /** Whether a thread is recording deliveries now. */
    private final AtomicBoolean recording = new AtomicBoolean();

    DeliveryWorker(DeliveryQueue queue, Deliverer deliverer, int batchSize, int parallelism) {
        if (batchSize <= 0 || parallelism <= 0) {
            throw new IllegalArgumentException(
                    "batch size and parallelism must be 1 or more, not " + batchSize + " and " + parallelism);
        }
        this.queue = queue;
        this.deliverer = deliverer;
        this.batchSize = batchSize;
        this.parallelism = parallelism;
        this.threads = parallelism == 1 ? null : threads(queue.name(), parallelism);
    }

    private static ThreadPoolExecutor threads(String name, int parallelism) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "delivery-" + name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * One round: delivers what is due, at most a batch, each item at most once, and returns when every attempt of the
     * round has its outcome recorded. While attempts are in flight the round takes up each freed slot with the next due
     * item, and a {@link #wake} makes it claim again at once, so work queued during a slow attempt does not wait for it.
     */
    public DeliveryRound deliverDue() {
        Round round = new Round(parallelism);
        rounds.add(round);
        try {
            Set<DeliveryId> tried = new HashSet<>();
            int perSlot = Math.max(1, deliverer.mostTogether());
            while (tried.size() < batchSize) {
                int wanted = round.awaitFreeSlots(batchSize - tried.size(), perSlot);
                List<ClaimedDelivery> claimed = queue.claimDue(wanted, tried);
                List<List<ClaimedDelivery>> attempts = together(claimed, perSlot);
                round.started(attempts.size());
                for (List<ClaimedDelivery> group : attempts) {
                    group.forEach(item -> tried.add(item.id()));
                    start(group, round);
                }
                if (claimed.size() < wanted && !round.awaitWakeOrIdle()) {
                    break;
                }
            }
        } finally {
            rounds.remove(round);
        }
        round.awaitIdle();
        return round.summary();
    }

    /**
     * The claimed items grouped into attempts as the deliverer sends them; each alone when it sends one at a time, or
     * when grouping failed (the attempts then fail on their own, recorded as usual).
     */
    private List<List<ClaimedDelivery>> together(List<ClaimedDelivery> claimed, int perSlot) {
        if (perSlot > 1 && claimed.size() > 1) {
            try {
                return deliverer.together(claimed);
            } catch (RuntimeException failed) {
                log.warn("{}: grouping {} items failed, each is tried alone", queue.name(), claimed.size(), failed);
            }
        }
        return claimed.stream().map(List::of).toList();
    }

    /** Starts the attempt at a group of items on the worker's threads (on this one once the worker is closed). */
    private void start(List<ClaimedDelivery> group, Round round) {
        Runnable attempt = () -> {
            Attempt outcomes = new Attempt(round, group.size());
            Map<DeliveryId, RuntimeException> failures = send(group);
            for (ClaimedDelivery item : group) {
                RuntimeException failure = failures.get(item.id());
                if (failure == null) {
                    unrecorded.add(new Sent(item, outcomes));
                } else {
                    outcomes.recorded(failed(item, failure));
                }
            }
            recordSent();
        };
        try {
            executor().execute(attempt);
        } catch (RejectedExecutionException closed) {
            attempt.run();
        }
    }

    /** Sends the group: why each item that did not go out failed. */
    private Map<DeliveryId, RuntimeException> send(List<ClaimedDelivery> group) {
        try {
            if (group.size() > 1) {
                return deliverer.deliverTogether(group);
            }
            deliverer.deliver(group.get(0));
            return Map.of();
        } catch (RuntimeException failure) {
            Map<DeliveryId, RuntimeException> all = new HashMap<>();
            group.forEach(item -> all.put(item.id(), failure));
            return all;
        }
    }

    /**
     * Tells the rounds running now that new items are due: each claims again as soon as it has a free slot instead of
     * ending. False when no round will claim again (none is running, or each has claimed its batch or is ending): the
     * caller then starts a round of its own.
     */
    public boolean wake() {
        boolean heard = false;
        for (Round round : rounds) {
            heard |= round.wake();
        }
        return heard;
    }

    private Executor executor() {
        return threads == null ? Runnable::run : threads;
    }

    /** Records the failed attempt at the item: the state it is left in (pending when that could not be recorded). */
    private DeliveryState failed(ClaimedDelivery item, RuntimeException failure) {
        try {
            DeliveryState state = queue.failed(item, failure);
            if (state == DeliveryState.DEAD) {
                log.warn(
                        "{} {} is dead-lettered after {} attempts: {}",
                        queue.name(),
                        item.id(),
                        item.attempt(),
                        FailureReason.of(failure));
            }
            return state;
        } catch (RuntimeException unrecorded) {
            notRecorded(item, unrecorded);
            return DeliveryState.PENDING;
        }
    }

    /**
     * Records the items that went out and are not recorded yet, many in one transaction: the thread that finds no
     * recording running records all that are waiting, again while more came meanwhile; the others go on delivering.
     * An attempt counts in its round once its outcome is recorded.
     */
    private void recordSent() {
        while (!unrecorded.isEmpty() && recording.compareAndSet(false, true)) {
            try {
                List<Sent> batch = new ArrayList<>();
                for (Sent sent = unrecorded.poll(); sent != null; sent = unrecorded.poll()) {
                    batch.add(sent);
                }
                record(batch);
            } finally {
                recording.set(false);
            }
        }
    }

    /** Records the batch as delivered in one transaction; when that fails, each item in a transaction of its own. */
    private void record(List<Sent> batch) {
        try {
            queue.delivered(batch.stream().map(Sent::item).toList(), deliverer);
            batch.forEach(sent -> sent.attempt().recorded(DeliveryState.DELIVERED));
        } catch (RuntimeException batchFailed) {
            for (Sent sent : batch) {
                DeliveryState state = DeliveryState.DELIVERED;
                try {
                    queue.delivered(sent.item(), deliverer);
                } catch (RuntimeException unrecorded) {
                    notRecorded(sent.item(), unrecorded);
                    state = DeliveryState.PENDING;
                }
                sent.attempt().recorded(state);
            }
        }
    }

    private void notRecorded(ClaimedDelivery item, RuntimeException unrecorded) {
        log.warn(
                "{} {}: the outcome of attempt {} is not recorded; it is tried again when its lease ends",
                queue.name(),
                item.id(),
                item.attempt(),
                unrecorded);
    }

    /** An item that went out, waiting to be recorded, and the attempt it went out in. */
    private record Sent(ClaimedDelivery item, Attempt attempt) {}

    /**
     * One attempt at a group of items, holding a slot of its round until the outcome of each of its items is
     * recorded.
     */
    private static final class Attempt {
        private final Round round;
        private final AtomicInteger unrecorded;

        Attempt(Round round, int items) {
            this.round = round;
            this.unrecorded = new AtomicInteger(items);
        }

        /** Counts an item's recorded outcome in the round; the last one frees the attempt's slot. */
        void recorded(DeliveryState outcome) {
            round.count(outcome);
            if (unrecorded.decrementAndGet() == 0) {
                round.ended();
            }
        }
    }

    /** Stops the worker's threads; a round still running finishes its attempts first. */
    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
        }
    }

    /**
     * One round's state: its attempts in flight (at most the worker's parallelism), whether it was woken since it last
     * claimed, whether it still claims, and the outcomes counted from the delivering threads.
     */
    private static final class Round {
        private final int slots;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private int inFlight;
        private boolean woken;
        private boolean claiming = true;
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicInteger deferred = new AtomicInteger();
        private final AtomicInteger dead = new AtomicInteger();

        Round(int slots) {
            this.slots = slots;
        }

        /**
         * Waits until a slot is free; how many items to claim now, {@code perSlot} for each free slot and at most
         * {@code remaining}. The claim after this sees every item whose wake-up came before; when it may fill the
         * batch, the round answers later wake-ups that it does not claim for them.
         */
        int awaitFreeSlots(int remaining, int perSlot) {
            lock.lock();
            try {
                while (inFlight >= slots) {
                    changed.awaitUninterruptibly();
                }
                woken = false;
                long wanted = (long) (slots - inFlight) * perSlot;
                if (wanted >= remaining) {
                    claiming = false;
                }
                return (int) Math.min(wanted, remaining);
            } finally {
                lock.unlock();
            }
        }

        void started(int attempts) {
            lock.lock();
            try {
                inFlight += attempts;
            } finally {
                lock.unlock();
            }
        }

        void ended() {
            lock.lock();
            try {
                inFlight--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /**
         * After a claim found fewer items than it wanted: waits until a wake-up (true: claim again) or until no attempt
         * is in flight (false: the round stops claiming and ends).
         */
        boolean awaitWakeOrIdle() {
            lock.lock();
            try {
                claiming = true;
                while (!woken && inFlight > 0) {
                    changed.awaitUninterruptibly();
                }
                claiming = woken;
                return woken;
            } finally {
                lock.unlock();
            }
        }

        /** Whether the round will claim again for this wake-up. */
        boolean wake() {
            lock.lock();
            try {
                if (claiming) {
                    woken = true;
                    changed.signalAll();
                }
                return claiming;
            } finally {
                lock.unlock();
            }
        }

        void awaitIdle() {
            lock.lock();
            try {
                claiming = false;
                while (inFlight > 0) {
                    changed.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        }

        void count(DeliveryState outcome) {
            switch (outcome) {
                case DELIVERED -> delivered.incrementAndGet();
                case PENDING -> deferred.incrementAndGet();
                case DEAD -> dead.incrementAndGet();
            }
        }

        DeliveryRound summary() {
            return new DeliveryRound(delivered.get(), deferred.get(), dead.get());
        }
    }
}
