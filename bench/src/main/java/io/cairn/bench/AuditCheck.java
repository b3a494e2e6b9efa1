package io.cairn.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Verifies the audit trail the benchmark wrote, as Cairn's verification does: records numbered from 1 without gaps,
 * each chained to the one before, each hash matching its content, and the head pointing at the last. The concurrent
 * creates must not have broken the chain.
 */
final class AuditCheck {

    private AuditCheck() {}

    static long verify(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            // One snapshot for the records and the head: the server goes on appending (recurrences, SLA scans).
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(5000);
                String previous = "0".repeat(64);
                long expected = 1;
                try (ResultSet row = statement.executeQuery("select seq, at, actor_id, actor_name, action, "
                        + "object_type, object_id, before_digest, after_digest, previous_hash, hash "
                        + "from audit_record order by seq")) {
                    while (row.next()) {
                        long seq = row.getLong(1);
                        String before = row.getString(8);
                        String after = row.getString(9);
                        String hash = JdbcCeiling.sha256Hex(String.join("\n", row.getString(10),
                                row.getTimestamp(2).toInstant().toString(), row.getString(3), row.getString(4),
                                row.getString(5), row.getString(6), row.getString(7), before == null ? "" : before,
                                after == null ? "" : after));
                        if (seq != expected || !row.getString(10).equals(previous) || !hash.equals(row.getString(11))) {
                            throw new IllegalStateException("audit trail broken at record " + seq);
                        }
                        previous = hash;
                        expected++;
                    }
                }
                try (ResultSet head = statement.executeQuery("select seq, hash from audit_head")) {
                    head.next();
                    if (head.getLong(1) != expected - 1 || !head.getString(2).equals(previous)) {
                        throw new IllegalStateException("the audit head does not point at the last record");
                    }
                }
                return expected - 1;
            }
        }
    }
}
