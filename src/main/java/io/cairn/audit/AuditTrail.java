package io.cairn.audit;

import io.cairn.shared.AuditableEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appends a record for every auditable event, in the transaction of the change, just before it commits.
 *
 * <p>If the record cannot be written the change rolls back: no audit, no change. The head row is locked from the
 * append to the commit, which orders records by commit and keeps that lock as short as it can be.
 */
@Component
class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void record(AuditableEvent event) {
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((row, n) -> new Head(row.getLong("seq"), row.getString("hash"))).single();
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq() + 1;
        String before = event.beforeDigest().orElse(null);
        String after = event.afterDigest().orElse(null);
        String hash = AuditRecord.hashOf(head.hash(), at, event.actor().id(), event.actor().name(), event.action(),
                event.objectType(), event.objectId(), before, after);
        jdbc.sql("""
                with appended as (
                  insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                                            before_digest, after_digest, previous_hash, hash)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                update audit_head set seq = ?, hash = ? where id = 1""")
                .params(seq, Timestamp.from(at), event.actor().id(), event.actor().name(), event.action(),
                        event.objectType(), event.objectId(), before, after, head.hash(), hash, seq, hash)
                .update();
    }

    private record Head(long seq, String hash) {}
}
