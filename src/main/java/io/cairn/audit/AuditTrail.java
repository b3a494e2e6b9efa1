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
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
        String before = event.beforeDigest().orElse(null);
        String after = event.afterDigest().orElse(null);
        String content = AuditRecord.contentAfterPreviousHash(
                at,
                event.actor().id(),
                event.actor().name(),
                event.action(),
                event.objectType(),
                event.objectId(),
                before,
                after);
        // One statement locks the head, appends the record chained to the head's hash (SHA-256 of that hash and the
        // content, as AuditRecord.hashOf computes it) and moves the head: one round trip instead of two, and no
        // Java work while the lock that serialises every change is held.
        jdbc.sql("""
                with head as (select seq, hash from audit_head where id = 1 for update),
                appended as (
                  insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                                            before_digest, after_digest, previous_hash, hash)
                  select seq + 1, ?, ?, ?, ?, ?, ?, ?, ?, hash,
                         encode(sha256(convert_to(hash || ?, 'UTF8')), 'hex')
                  from head
                  returning seq, hash)
                update audit_head set seq = appended.seq, hash = appended.hash from appended where audit_head.id = 1""")
                .params(
                        Timestamp.from(at),
                        event.actor().id(),
                        event.actor().name(),
                        event.action(),
                        event.objectType(),
                        event.objectId(),
                        before,
                        after,
                        content)
                .update();
    }
}
