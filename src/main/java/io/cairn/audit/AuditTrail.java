package io.cairn.audit;

import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /**
     * One statement locks the head, appends the records chained one to the other from the head's hash (each hash the
     * SHA-256 of the hash before it and the record's content, as AuditRecord.hashOf computes it) and moves the head to
     * the last: one round trip for any number of records, and no Java work while the lock that serialises every change
     * is held. The arguments are arrays of the same length, one element per record in trail order.
     */
    private static final String APPEND = """
            with recursive head as (select seq, hash from audit_head where id = 1 for update),
            given as (
              select ?::timestamptz[] as at, ?::text[] as actor_id, ?::text[] as actor_name, ?::text[] as action,
                     ?::text[] as object_type, ?::text[] as object_id, ?::text[] as before_digest,
                     ?::text[] as after_digest, ?::text[] as content),
            chain (n, seq, previous_hash, hash) as (
              select 0, seq, hash, hash from head
              union all
              select chain.n + 1, chain.seq + 1, chain.hash,
                     encode(sha256(convert_to(chain.hash || given.content[chain.n + 1], 'UTF8')), 'hex')
              from chain, given
              where chain.n < cardinality(given.content)),
            appended as (
              insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                                        before_digest, after_digest, previous_hash, hash)
              select chain.seq, given.at[chain.n], given.actor_id[chain.n], given.actor_name[chain.n],
                     given.action[chain.n], given.object_type[chain.n], given.object_id[chain.n],
                     given.before_digest[chain.n], given.after_digest[chain.n], chain.previous_hash, chain.hash
              from chain, given
              where chain.n > 0
              returning seq, hash)
            update audit_head set seq = last.seq, hash = last.hash
            from (select seq, hash from appended order by seq desc limit 1) last
            where audit_head.id = 1""";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void record(AuditableEvent event) {
        append(List.of(event));
    }

    /** Appends the records of the events in one statement, in their order. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Transactional
    public void recordAll(AuditableEvents events) {
        append(events.events());
    }

    private void append(List<AuditableEvent> events) {
        int n = events.size();
        String[] at = new String[n];
        String[] actorId = new String[n];
        String[] actorName = new String[n];
        String[] action = new String[n];
        String[] objectType = new String[n];
        String[] objectId = new String[n];
        String[] before = new String[n];
        String[] after = new String[n];
        String[] content = new String[n];
        for (int i = 0; i < n; i++) {
            AuditableEvent event = events.get(i);
            // PostgreSQL keeps microseconds: hash exactly what is stored.
            Instant when = event.at().truncatedTo(ChronoUnit.MICROS);
            at[i] = when.toString();
            actorId[i] = event.actor().id();
            actorName[i] = event.actor().name();
            action[i] = event.action();
            objectType[i] = event.objectType();
            objectId[i] = event.objectId();
            before[i] = event.beforeDigest().orElse(null);
            after[i] = event.afterDigest().orElse(null);
            content[i] = AuditRecord.contentAfterPreviousHash(
                    when, actorId[i], actorName[i], action[i], objectType[i], objectId[i], before[i], after[i]);
        }
        jdbc.sql(APPEND)
                .params(at, actorId, actorName, action, objectType, objectId, before, after, content)
                .update();
    }
}
