package io.cairn.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one queue in rounds: claims due items as delivery slots free up, hands each to the module's
 * {@link Deliverer} and records the outcome. Each item is tried at most once a round; with a parallelism above one, up
 * to that many items are delivered at once on the worker's own threads, which end when idle (or on {@link #close}).
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
            while (tried.size() < batchSize) {
                int wanted = round.awaitFreeSlots(batchSize - tried.size());
                List<ClaimedDelivery> claimed = queue.claimDue(wanted, tried);
                round.started(claimed.size());
                for (ClaimedDelivery item : claimed) {
                    tried.add(item.id());
                    Runnable attempt = () -> {
                        try {
                            round.count(attempt(item));
                        } finally {
                            round.ended();
                        }
                    };
                    try {
                        executor().execute(attempt);
                    } catch (RejectedExecutionException closed) {
                        attempt.run();
                    }
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

    private DeliveryState attempt(ClaimedDelivery item) {
        try {
            try {
                deliverer.deliver(item);
            } catch (RuntimeException failure) {
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
            }
            queue.delivered(item, deliverer);
            return DeliveryState.DELIVERED;
        } catch (RuntimeException unrecorded) {
            log.warn(
                    "{} {}: the outcome of attempt {} is not recorded; it is tried again when its lease ends",
                    queue.name(),
                    item.id(),
                    item.attempt(),
                    unrecorded);
            return DeliveryState.PENDING;
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
         * Waits until a slot is free; how many items to claim now, at most {@code remaining}. The claim after this sees
         * every item whose wake-up came before; when it may fill the batch, the round answers later wake-ups that it
         * does not claim for them.
         */
        int awaitFreeSlots(int remaining) {
            lock.lock();
            try {
                while (inFlight == slots) {
                    changed.awaitUninterruptibly();
                }
                woken = false;
                int free = slots - inFlight;
                if (free >= remaining) {
                    claiming = false;
                }
                return Math.min(free, remaining);
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
