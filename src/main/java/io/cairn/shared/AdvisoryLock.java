package io.cairn.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A PostgreSQL session-level advisory lock, for work that one node of a cluster does at a time (polling a mailbox):
 * taken on a connection of its own, held while the work runs, released after it.
 */
public final class AdvisoryLock {

    private AdvisoryLock() {}

    /** What the work gave, done while holding the lock of the key; none when another session holds it. */
    public static <T> Optional<T> whileHeld(DataSource dataSource, long key, Supplier<T> work) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            if (!call(lock, "select pg_try_advisory_lock(?)", key)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(lock, "select pg_advisory_unlock(?)", key);
            }
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
