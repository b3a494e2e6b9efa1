package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The audit trail records every change in its transaction, and verification names each kind of tampering. */
@OwnTrail
class AuditTrailTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    ApiClient handler;
    ApiClient auditor;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        handler = client(users.userNamed("h-" + s, Set.of(Role.HANDLER, Role.COORDINATOR)));
        auditor = client(users.userNamed("a-" + s, Set.of(Role.AUDITOR)));
    }

    @AfterEach
    void repairTheTrail() {
        // Each test tampers with a copy it restores, so the next test starts from an intact trail.
        jdbc.sql("delete from audit_record where seq > (select seq from audit_head)")
                .update();
    }

    private String report(String title, boolean confidential) {
        return handler.post(
                        "/api/v1/incidents", Map.of("title", title, "description", "d", "confidential", confidential))
                .json()
                .get("id")
                .asString();
    }

    private long lastSeq() {
        return jdbc.sql("select seq from audit_head").query(Long.class).single();
    }

    @Test
    void everyChangeAppendsARecordWithDigestsOfBeforeAndAfter() {
        String id = report("Audited incident", false);
        handler.post("/api/v1/incidents/" + id + "/transition", Map.of("to", "triage", "version", 0));

        JsonNode records = auditor.get("/api/v1/audit/records?object=" + id).json();
        assertThat(records.valueStream().map(r -> r.get("action").asString()))
                .containsExactly("incident.reported", "incident.transitioned");
        JsonNode transitioned = records.get(1);
        assertThat(transitioned.get("beforeDigest").asString())
                .isEqualTo(records.get(0).get("afterDigest").asString());
        assertThat(transitioned.get("afterDigest").asString())
                .hasSize(64)
                .isNotEqualTo(transitioned.get("beforeDigest").asString());
        // chained to the record before it in the whole trail (background work may have appended one in between)
        assertThat(transitioned.get("previousHash").asString())
                .isEqualTo(jdbc.sql("select hash from audit_record where seq = ?")
                        .param(transitioned.get("seq").asLong() - 1)
                        .query(String.class)
                        .single());
    }

    @Test
    void aReadOfAConfidentialIncidentIsRecorded() {
        String id = report("Confidential case", true);
        long before = lastSeq();
        handler.get("/api/v1/incidents/" + id);
        assertThat(lastSeq()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select action from audit_record where seq = ?")
                        .param(before + 1)
                        .query(String.class)
                        .single())
                .isEqualTo("incident.viewed-confidential-incident");
    }

    @Test
    void concurrentWritersChainWithoutGapsOrForks() throws Exception {
        long before = lastSeq();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                results.add(pool.submit(
                        () -> handler.post("/api/v1/incidents", Map.of("title", "Burst " + n, "description", "d"))
                                .status()));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        // background work (recurrence detection finds the bursts alike) may append records of its own meanwhile
        long after = lastSeq();
        assertThat(jdbc.sql("select count(*) from audit_record where seq > ? and seq <= ?")
                        .params(before, after)
                        .query(Long.class)
                        .single())
                .as("records without a gap")
                .isEqualTo(after - before);
        assertThat(jdbc.sql("select count(*) from audit_record where seq > ? and action = 'incident.reported'")
                        .param(before)
                        .query(Long.class)
                        .single())
                .as("one record per report")
                .isEqualTo(80);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    /** An auditable event of a test: a message issued to one of many subscribers. */
    record Issued(String objectId, String digest, java.time.Instant at) implements AuditableEvent {
        @Override
        public ActorRef actor() {
            return new ActorRef("handler-1", "Hélène ''batch''");
        }

        @Override
        public String action() {
            return "exchange-message.published";
        }

        @Override
        public String objectType() {
            return "exchange-message";
        }

        @Override
        public Optional<String> beforeDigest() {
            return Optional.empty();
        }

        @Override
        public Optional<String> afterDigest() {
            return Optional.of(digest);
        }
    }

    @Test
    void aBatchOfEventsAppendsARecordPerEventChainedInOrder() {
        long before = lastSeq();
        java.time.Instant at = java.time.Instant.parse("2026-12-02T21:00:00.123456789Z");
        List<AuditableEvent> issued = java.util.stream.IntStream.range(0, 250)
                .<AuditableEvent>mapToObj(i -> new Issued("x/1/" + i, "%064x".formatted(i), at.plusMillis(i)))
                .toList();
        transactions.executeWithoutResult(status -> events.publishEvent(new AuditableEvents(issued)));

        assertThat(lastSeq()).isEqualTo(before + 250);
        List<AuditRecord> records = jdbc.sql("select * from audit_record where seq > ? order by seq")
                .param(before)
                .query((row, n) -> AuditRecord.of(row))
                .list();
        assertThat(records)
                .map(AuditRecord::objectId)
                .isEqualTo(issued.stream().map(AuditableEvent::objectId).toList());
        assertThat(records).allMatch(AuditRecord::sealsItsContent);
        assertThat(records.get(0).previousHash())
                .isEqualTo(jdbc.sql("select hash from audit_record where seq = ?")
                        .param(before)
                        .query(String.class)
                        .single());
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash())
                    .isEqualTo(records.get(i - 1).hash());
        }
        assertThat(jdbc.sql("select hash from audit_head").query(String.class).single())
                .isEqualTo(records.get(records.size() - 1).hash());
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void anIntactTrailVerifies() {
        report("One", false);
        JsonNode verification = auditor.get("/api/v1/audit/verify").json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(lastSeq());
    }

    @Test
    void verificationNamesAnAlteredRecord() {
        report("To be altered", false);
        long seq = lastSeq();
        String original = jdbc.sql("select actor_name from audit_record where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        jdbc.sql("update audit_record set actor_name = 'mallory' where seq = ?")
                .param(seq)
                .update();
        try {
            JsonNode verification = auditor.get("/api/v1/audit/verify").json();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(seq);
            assertThat(verification.get("firstBroken").get("kind").asString()).isEqualTo("ALTERED");
        } finally {
            jdbc.sql("update audit_record set actor_name = ? where seq = ?")
                    .params(original, seq)
                    .update();
        }
    }

    @Test
    void verificationNamesADeletedRecord() {
        report("First", false);
        report("Second", false);
        long seq = lastSeq() - 1;
        List<Map<String, Object>> saved = jdbc.sql("select * from audit_record where seq = ?")
                .param(seq)
                .query()
                .listOfRows();
        jdbc.sql("delete from audit_record where seq = ?").param(seq).update();
        try {
            JsonNode verification = auditor.get("/api/v1/audit/verify").json();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(seq);
            assertThat(verification.get("firstBroken").get("kind").asString()).isEqualTo("MISSING");
            assertThat(verification.get("firstBroken").get("message").asString())
                    .contains("record " + seq);
        } finally {
            restore(saved.get(0));
        }
    }

    @Test
    void verificationNamesReorderedRecords() {
        report("A", false);
        report("B", false);
        long second = lastSeq();
        long first = second - 1;
        swap(first, second);
        try {
            JsonNode verification = auditor.get("/api/v1/audit/verify").json();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(first);
            assertThat(verification
                            .get("problems")
                            .valueStream()
                            .map(p -> p.get("kind").asString()))
                    .containsOnly("OUT_OF_ORDER");
            assertThat(verification
                            .get("problems")
                            .valueStream()
                            .map(p -> p.get("seq").asLong()))
                    .contains(first, second);
        } finally {
            swap(first, second);
        }
    }

    @Test
    void verificationNamesRecordsCutFromTheEnd() {
        report("Last", false);
        long seq = lastSeq();
        List<Map<String, Object>> saved = jdbc.sql("select * from audit_record where seq = ?")
                .param(seq)
                .query()
                .listOfRows();
        jdbc.sql("delete from audit_record where seq = ?").param(seq).update();
        try {
            JsonNode verification = auditor.get("/api/v1/audit/verify").json();
            assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(seq);
            assertThat(verification.get("firstBroken").get("kind").asString()).isEqualTo("MISSING");
        } finally {
            restore(saved.get(0));
        }
    }

    @Test
    void auditorsExportTheTrailAsJsonLines() {
        report("Exported", false);
        ApiClient.Answer export = auditor.get("/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/jsonl");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize((int) lastSeq());
        assertThat(lines[0]).contains("\"seq\":1");
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        assertThat(handler.get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/audit/records").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/audit/export").status()).isEqualTo(403);
    }

    private void swap(long a, long b) {
        jdbc.sql("update audit_record set seq = -1 where seq = ?").param(a).update();
        jdbc.sql("update audit_record set seq = ? where seq = ?").params(a, b).update();
        jdbc.sql("update audit_record set seq = ? where seq = -1").param(b).update();
    }

    private void restore(Map<String, Object> row) {
        jdbc.sql("""
                insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                  before_digest, after_digest, previous_hash, hash)
                values (:seq, :at, :actor_id, :actor_name, :action, :object_type, :object_id, :before_digest,
                  :after_digest, :previous_hash, :hash)""").params(row).update();
    }
}
