package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxLoadTest {

    private final InboxLoad load = new InboxLoad();

    @Test
    void applyingDoesNotWaitForALonePush() {
        try (InboxLoad.Receiving one = load.receiving()) {
            long started = System.nanoTime();
            assertThat(load.awaitLull()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isLessThan(100);
        }
    }

    @Test
    void applyingWaitsWhileABurstIsReceivedAndGoesOnWhenItEnds() throws Exception {
        InboxLoad.Receiving first = load.receiving();
        InboxLoad.Receiving second = load.receiving();
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            load.awaitLull();
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        });
        Thread.sleep(200);
        assertThat(waited).isNotDone();
        second.close();

        assertThat(waited.get(1, TimeUnit.SECONDS)).isBetween(150L, 900L);
        first.close();
    }

    @Test
    void applyingWaitsForALullAtMostASecondSoThatASteadyStreamOfPushesNeverStopsIt() {
        try (InboxLoad.Receiving first = load.receiving();
                InboxLoad.Receiving second = load.receiving()) {
            long started = System.nanoTime();
            assertThat(load.awaitLull()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isBetween(InboxLoad.MAX_WAIT.toMillis(), InboxLoad.MAX_WAIT.toMillis() + 500);
        }
    }
}
