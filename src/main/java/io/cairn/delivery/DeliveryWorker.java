package io.cairn.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one queue in rounds: claims due items as delivery slots free up, hands each to the module's
 * {@link Deliverer} and records the outcome. Each item is tried at most once a round; with a parallelism above one, up
 * to that many items are delivered at once on the worker's own threads, which end when idle (or on {@link #close}).
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final Deliverer deliverer;
    private final int batchSize;
    private final int parallelism;
    private final @Nullable ThreadPoolExecutor threads;

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
     * round has its outcome recorded.
     */
    public DeliveryRound deliverDue() {
        Round round = new Round();
        Semaphore slots = new Semaphore(parallelism);
        Set<DeliveryId> tried = new HashSet<>();
        while (tried.size() < batchSize) {
            slots.acquireUninterruptibly();
            int free = 1 + slots.drainPermits();
            int wanted = Math.min(free, batchSize - tried.size());
            List<ClaimedDelivery> claimed = queue.claimDue(wanted, tried);
            slots.release(free - claimed.size());
            for (ClaimedDelivery item : claimed) {
                tried.add(item.id());
                Runnable attempt = () -> {
                    try {
                        round.count(attempt(item));
                    } finally {
                        slots.release();
                    }
                };
                try {
                    executor().execute(attempt);
                } catch (RejectedExecutionException closed) {
                    attempt.run();
                }
            }
            if (claimed.isEmpty()) {
                break;
            }
        }
        slots.acquireUninterruptibly(parallelism);
        slots.release(parallelism);
        return round.summary();
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

    /** The outcomes of one round's attempts, counted from the delivering threads. */
    private static final class Round {
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicInteger deferred = new AtomicInteger();
        private final AtomicInteger dead = new AtomicInteger();

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
