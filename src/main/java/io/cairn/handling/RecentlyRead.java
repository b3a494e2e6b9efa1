package io.cairn.handling;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings read from the database at most once per time to live, such as the SLA policies or the routing rules that
 * every reported incident needs: reading them for each report would cost several statements per report on the
 * hottest path (see the create benchmark in BENCHMARKS.md).
 *
 * <p>A change on this node forgets the value at once and again after its commit; other nodes of a cluster read it
 * again within the time to live.
 */
final class RecentlyRead<T> {

    /** How long another node may go on with settings an admin has just changed. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    private record Read<T>(T value, long readAtNanos) {}

    private final Supplier<T> read;
    private volatile @Nullable Read<T> last;

    RecentlyRead(Supplier<T> read) {
        this.read = read;
    }

    /** The value as read within the time to live, or as read now. */
    T get() {
        Read<T> seen = last;
        long now = System.nanoTime();
        if (seen != null && now - seen.readAtNanos() < TIME_TO_LIVE.toNanos()) {
            return seen.value();
        }
        T value = read.get();
        last = new Read<>(value, now);
        return value;
    }

    /** Forgets the value now and once more when the current transaction commits. */
    void forget() {
        last = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    last = null;
                }
            });
        }
    }
}
