package io.cairn.federation;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The catch-up rounds running on this node: while one runs, the applier ({@link MessageApplying}) ends its pass and
 * leaves the cores to verifying and storing the feed's pages; when the last one ends, the applier is woken to apply
 * what they stored ({@link Ended}). What was stored waits at most one round, and is never lost: it is acknowledged
 * only by its commit, and the applier's schedule and start-up find it too.
 */
@Component
class CatchUpRounds {

    /** The last catch-up round running on this node ended. */
    record Ended() {}

    private final AtomicInteger running = new AtomicInteger();
    private final ApplicationEventPublisher events;

    CatchUpRounds(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Whether a round runs on this node now. */
    boolean running() {
        return running.get() > 0;
    }

    /** Runs a round, and wakes the applier when no other round runs any more. */
    <T> T run(java.util.function.Supplier<T> round) {
        running.incrementAndGet();
        try {
            return round.get();
        } finally {
            if (running.decrementAndGet() == 0) {
                events.publishEvent(new Ended());
            }
        }
    }
}
