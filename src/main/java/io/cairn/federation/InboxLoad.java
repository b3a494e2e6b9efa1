package io.cairn.federation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many pushed messages this node is receiving right now, so that applying gives way to a burst of pushes: a
 * provider waits for each answer (and pushes again when one times out), while applying what was stored can wait a
 * little. Applying never waits longer than {@link #MAX_WAIT} for a lull, so a steady stream of pushes slows it and
 * never stops it.
 */
@Component
class InboxLoad {

    /** Pushes received at once that make a burst. */
    static final int BURST = 2;
    /** The longest applying waits for a lull before it applies one batch anyway. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private static final long POLL_MILLIS = 5;

    private final AtomicInteger receiving = new AtomicInteger();
    private final Duration maxWait;

    InboxLoad() {
        this(MAX_WAIT);
    }

    /** With another longest wait than {@link #MAX_WAIT}, for tests. */
    InboxLoad(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Counts a push from its arrival until {@link Receiving#close()}. */
    Receiving receiving() {
        receiving.incrementAndGet();
        return receiving::decrementAndGet;
    }

    /** A push being received; closing it ends it. */
    interface Receiving extends AutoCloseable {

        @Override
        void close();
    }

    /** Waits while a burst of pushes is received, at most {@link #MAX_WAIT}; false when interrupted. */
    boolean awaitLull() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (receiving.get() >= BURST && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
