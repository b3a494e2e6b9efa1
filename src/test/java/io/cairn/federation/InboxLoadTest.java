package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxLoadTest {

    @Test
    void applyingDoesNotWaitForALonePush() throws Exception {
        InboxLoad load = new InboxLoad(Duration.ofMinutes(5));
        try (InboxLoad.Receiving one = load.receiving()) {
            assertThat(CompletableFuture.supplyAsync(load::awaitLull).get(30, TimeUnit.SECONDS))
                    .isTrue();
        }
    }

    @Test
    void applyingWaitsWhileABurstIsReceivedAndGoesOnWhenItEnds() throws Exception {
        InboxLoad load = new InboxLoad(Duration.ofMinutes(5));
        InboxLoad.Receiving first = load.receiving();
        InboxLoad.Receiving second = load.receiving();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(load::awaitLull);
        Thread.sleep(300);
        assertThat(waited).as("still waiting during the burst").isNotDone();

        second.close();

        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
        first.close();
    }

    @Test
    void applyingWaitsForALullNoLongerThanItsLongestWaitSoThatASteadyStreamOfPushesNeverStopsIt() throws Exception {
        InboxLoad load = new InboxLoad(Duration.ofMillis(200));
        try (InboxLoad.Receiving first = load.receiving();
                InboxLoad.Receiving second = load.receiving()) {
            long started = System.nanoTime();
            assertThat(CompletableFuture.supplyAsync(load::awaitLull).get(30, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(200);
        }
    }
}
