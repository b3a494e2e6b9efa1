package io.cairn.audit;

import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
        Row row = Row.of(event);
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
                        Timestamp.from(row.at()),
                        row.actorId(),
                        row.actorName(),
                        row.action(),
                        row.objectType(),
                        row.objectId(),
                        row.before(),
                        row.after(),
                        row.content())
                .update();
    }

    /**
     * Appends the records of the events in their order, chained exactly as one at a time would chain them: the head
     * is locked and read, the hashes are computed from it ({@link AuditRecord#hashOf}), and one statement inserts every
     * record and moves the head. Two round trips for any number of records instead of one per record.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void recordAll(AuditableEvents events) {
        List<Row> rows = events.events().stream().map(Row::of).toList();
        if (rows.isEmpty()) {
            return;
        }
        Chained chained = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((row, i) -> Chained.from(row.getLong("seq"), row.getString("hash"), rows))
                .single();
        jdbc.sql("""
                with appended as (
                  insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                                            before_digest, after_digest, previous_hash, hash)
                  select * from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                                       ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                  returning seq)
                update audit_head set seq = ?, hash = ? where id = 1""")
                .params(
                        chained.seq(),
                        rows.stream().map(row -> row.at().toString()).toArray(String[]::new),
                        rows.stream().map(Row::actorId).toArray(String[]::new),
                        rows.stream().map(Row::actorName).toArray(String[]::new),
                        rows.stream().map(Row::action).toArray(String[]::new),
                        rows.stream().map(Row::objectType).toArray(String[]::new),
                        rows.stream().map(Row::objectId).toArray(String[]::new),
                        rows.stream().map(Row::before).toArray(String[]::new),
                        rows.stream().map(Row::after).toArray(String[]::new),
                        chained.previous(),
                        chained.hash(),
                        chained.seq()[rows.size() - 1],
                        chained.hash()[rows.size() - 1])
                .update();
    }

    /** The numbers, previous hashes and hashes of rows chained after the head, as AuditRecord.hashOf chains them. */
    private record Chained(Long[] seq, String[] previous, String[] hash) {

        static Chained from(long headSeq, String headHash, List<Row> rows) {
            int n = rows.size();
            Chained chained = new Chained(new Long[n], new String[n], new String[n]);
            String last = headHash;
            for (int i = 0; i < n; i++) {
                chained.seq()[i] = headSeq + 1 + i;
                chained.previous()[i] = last;
                chained.hash()[i] = AuditRecord.hashOf(last, rows.get(i).content());
                last = chained.hash()[i];
            }
            return chained;
        }
    }

    /** What a record of an event stores; its content, which its hash covers after the previous hash, follows. */
    private record Row(
            Instant at,
            String actorId,
            String actorName,
            String action,
            String objectType,
            String objectId,
            @Nullable String before,
            @Nullable String after) {

        static Row of(AuditableEvent event) {
            // PostgreSQL keeps microseconds: hash exactly what is stored.
            return new Row(
                    event.at().truncatedTo(ChronoUnit.MICROS),
                    event.actor().id(),
                    event.actor().name(),
                    event.action(),
                    event.objectType(),
                    event.objectId(),
                    event.beforeDigest().orElse(null),
                    event.afterDigest().orElse(null));
        }

        String content() {
            return AuditRecord.contentAfterPreviousHash(
                    at, actorId, actorName, action, objectType, objectId, before, after);
        }
    }
}
