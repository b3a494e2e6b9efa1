package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.shared.AuditedStates;
import io.cairn.shared.Outcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test of the ordinary run: times verification, checkpoints and proofs on a large trail, on a database of its
 * own. {@code ./mvnw verify -Dit.test=LargeTrailTest -Dcairn.audit.large-trail=1000000} seeds that many incidents
 * (with a report record each, and a note record on every tenth), edits one by SQL, and prints how long each step took.
 */
@EnabledIfSystemProperty(named = "cairn.audit.large-trail", matches = "\\d+")
@TestPropertySource(
        properties = {
            "cairn.audit.checkpoint-interval=PT3H",
            "cairn.recurrence.detect-interval=PT3H",
            "cairn.sla.scanner-enabled=false"
        })
class LargeTrailTest extends ApiClient.OnServer {

    private static final int BATCH = 5_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    AuditedStates incidents;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    AuditManagement audit;

    @Autowired
    Checkpoints checkpoints;

    @Test
    void timesVerificationCheckpointsAndProofsOnALargeTrail() {
        int count = Integer.getInteger("cairn.audit.large-trail");
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR, Role.ADMIN));

        long started = System.nanoTime();
        jdbc.sql("""
                insert into incident (id, number, title, description, category_class, category_type, determination,
                  severity, impact, urgency, priority, tlp, pap, confidential, status, reported_at, updated_at, version)
                select gen_random_uuid(), nextval('incident_number_seq'), 'Seeded incident ' || g,
                  'Seeded description ' || g, 'other', 'other', 'SUSPECTED', 'MEDIUM', 2, 2, 3, 'AMBER', 'AMBER',
                  false, 'NEW', now() - make_interval(secs => g), now(), 0
                from generate_series(1, ?) g""").param(count).update();
        report("seeded %,d incidents", count, started);

        started = System.nanoTime();
        long records = appendRecords();
        report("appended %,d audit records for them", records, started);

        started = System.nanoTime();
        Outcome<Optional<Checkpoint>> first = checkpoints.sign(true);
        report("signed the first checkpoint, growing the tree over %,d records", head(), started);
        assertThat(first).isInstanceOf(Outcome.Done.class);

        String edited = jdbc.sql("select id::text from incident order by number desc limit 1")
                .query(String.class)
                .single();
        jdbc.sql("update incident set title = 'edited by SQL' where id = ?::uuid")
                .param(edited)
                .update();

        started = System.nanoTime();
        long read = 0;
        for (List<AuditedStates.State> batch = incidents.statesAfter(null, StateCheck.BATCH);
                !batch.isEmpty();
                batch = batch.size() < StateCheck.BATCH
                        ? List.of()
                        : incidents.statesAfter(batch.get(batch.size() - 1).id(), StateCheck.BATCH)) {
            read += batch.size();
        }
        report("read %,d incidents' states alone", read, started);
        started = System.nanoTime();
        long[] problems = {0};
        long objects = java.util.Objects.requireNonNull(
                transactions.execute(status -> StateCheck.compare(jdbc, incidents, problem -> problems[0]++)));
        report("compared %,d incidents' states with their latest records", objects, started);
        assertThat(problems[0]).isEqualTo(1);

        started = System.nanoTime();
        Verification verification = users.as(auditor, () -> audit.verify()).orRefuse();
        report(
                "verified the whole trail (%,d records, chain, tree, checkpoints, states)",
                verification.checked(), started);
        assertThat(verification.problems())
                .extracting(Verification.Problem::kind)
                .containsExactly(Verification.Kind.CHANGED_OUTSIDE);

        started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            users.as(auditor, () -> audit.inclusionProof(1 + (long) (Math.random() * head()), null))
                    .orRefuse();
        }
        report("made %d inclusion proofs", 10, started);

        started = System.nanoTime();
        users.as(auditor, () -> audit.consistencyProof(head() / 3, null)).orRefuse();
        report("made %d consistency proof", 1, started);
    }

    /** A report record for every incident and a note record on every tenth, chained onto the head. */
    private long appendRecords() {
        long seq = head();
        String previous =
                jdbc.sql("select hash from audit_head").query(String.class).single();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long appended = 0;
        for (List<AuditedStates.State> batch = incidents.statesAfter(null, BATCH);
                !batch.isEmpty();
                batch = batch.size() < BATCH
                        ? List.of()
                        : incidents.statesAfter(batch.get(batch.size() - 1).id(), BATCH)) {
            List<Object[]> rows = new ArrayList<>();
            for (AuditedStates.State state : batch) {
                boolean noted = Math.floorMod(state.id().hashCode(), 10) == 0;
                String[][] actions = noted
                        ? new String[][] {
                            {"incident.reported", null, state.digest()},
                            {
                                "incident.noted",
                                state.digest(),
                                io.cairn.shared.ContentDigest.of(state.digest() + "|n")
                                        .hex()
                            }
                        }
                        : new String[][] {{"incident.reported", null, state.digest()}};
                for (String[] action : actions) {
                    String hash = AuditRecord.hashOf(
                            previous, at, "system", "system", action[0], "incident", state.id(), action[1], action[2]);
                    rows.add(new Object[] {
                        ++seq,
                        Timestamp.from(at),
                        "system",
                        "system",
                        action[0],
                        "incident",
                        state.id(),
                        action[1],
                        action[2],
                        previous,
                        hash
                    });
                    previous = hash;
                }
            }
            template.batchUpdate("""
                    insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                      before_digest, after_digest, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            appended += rows.size();
        }
        jdbc.sql("update audit_head set seq = ?, hash = ?")
                .params(seq, previous)
                .update();
        return appended;
    }

    private long head() {
        return jdbc.sql("select seq from audit_head").query(Long.class).single();
    }

    private static void report(String what, long count, long started) {
        System.out.printf("LargeTrailTest: " + what + " in %,d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }
}
