package io.cairn.handling.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Supplier;
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
public final class RecentlyRead<T> {

    /** How long another node may go on with settings an admin has just changed. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    /** The one key of the cache: it holds one value. */
    private enum Settings {
        ALL
    }

    private final Supplier<T> read;
    private final Cache<Settings, T> last;

    public RecentlyRead(Supplier<T> read) {
        this(read, Ticker.systemTicker());
    }

    /** Keeps the value for the time to live as the ticker counts it. */
    RecentlyRead(Supplier<T> read, Ticker ticker) {
        this.read = read;
        this.last = Caffeine.newBuilder()
                .expireAfterWrite(TIME_TO_LIVE)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The value as read within the time to live, or as read now. The read runs outside the cache's lock: it takes a
     * database connection, and threads waiting on that lock might hold the rest of the pool.
     */
    public T get() {
        T seen = last.getIfPresent(Settings.ALL);
        if (seen != null) {
            return seen;
        }
        T value = read.get();
        last.put(Settings.ALL, value);
        return value;
    }

    /** Forgets the value now and once more when the current transaction commits. */
    public void forget() {
        last.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    last.invalidateAll();
                }
            });
        }
    }
}
