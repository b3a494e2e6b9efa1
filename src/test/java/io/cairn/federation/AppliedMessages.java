package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits in a test until the messages an instance received are applied: receiving answers once a message is stored,
 * and applying follows apart, right after.
 */
final class AppliedMessages {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private AppliedMessages() {}

    /** Waits until no received message of the instance is waiting to be applied, at most {@link #DEADLINE}. */
    static void await(JdbcClient jdbc) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long waiting = waiting(jdbc);
        while (waiting > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            waiting = waiting(jdbc);
        }
        assertThat(waiting).as("received messages still waiting to be applied").isZero();
    }

    private static long waiting(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from federation_received_message where outcome = 'accepted'")
                .query(Long.class)
                .single();
    }
}
