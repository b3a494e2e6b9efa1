package io.cairn.handling.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** Settings read once per time to live, and read again at once after a change on this node. */
class RecentlyReadTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final RecentlyRead<Integer> recent = new RecentlyRead<>(reads::incrementAndGet, nanos::get);

    private void waitFor(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void readsOnceWithinTheTimeToLive() {
        assertThat(recent.get()).isEqualTo(1);
        waitFor(RecentlyRead.TIME_TO_LIVE.minusNanos(1));
        assertThat(recent.get()).isEqualTo(1);
        waitFor(Duration.ofNanos(1));
        assertThat(recent.get()).isEqualTo(2);
    }

    @Test
    void aChangeForgetsTheValueAtOnce() {
        recent.get();
        recent.forget();
        assertThat(recent.get()).isEqualTo(2);
    }

    @Test
    void aChangeInATransactionForgetsTheValueAgainWhenItCommits() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            recent.get();
            recent.forget();
            assertThat(recent.get()).as("read again during the transaction").isEqualTo(2);
            TransactionSynchronizationUtils.triggerAfterCommit();
            assertThat(recent.get()).as("read again after the commit").isEqualTo(3);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
