package io.cairn.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Predicate;

/**
 * Ids of users, teams or business units found to exist. These are never deleted (they are disabled or renamed), so
 * one that was found once exists for good: the checks on every reported incident ask the database only the first
 * time. An id not found is asked again next time, since it may be created in the meantime.
 *
 * <p>At most {@link #MAX_IDS} ids are kept (a megabyte or two): an organisation has a few thousand; past
 * that, the ids used least are forgotten and asked again when they are next needed.
 */
final class KnownIds<T> {

    static final int MAX_IDS = 10_000;

    private final Cache<T, Boolean> known;

    KnownIds() {
        this(MAX_IDS);
    }

    KnownIds(int maximum) {
        this.known = Caffeine.newBuilder()
                .maximumSize(maximum)
                .executor(Runnable::run)
                .build();
    }

    /**
     * Whether the id exists, asking the database through {@code lookUp} only when it is not known yet. The lookup
     * runs outside the cache's lock: it takes a database connection, and threads waiting on that lock might hold
     * the rest of the pool.
     */
    boolean exists(T id, Predicate<T> lookUp) {
        if (known.getIfPresent(id) != null) {
            return true;
        }
        boolean exists = lookUp.test(id);
        if (exists) {
            known.put(id, Boolean.TRUE);
        }
        return exists;
    }

    /** How many ids are known now. */
    long size() {
        known.cleanUp();
        return known.estimatedSize();
    }
}
