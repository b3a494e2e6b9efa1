package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Signed checkpoints anchor the trail outside the database: a rewrite before a checkpoint (hashes recomputed and all),
 * a truncation with the head moved back, a forged checkpoint and an incident changed by SQL are each named, and an
 * honest trail with many records and checkpoints verifies intact. Each test restores what it tampered with.
 */
@OwnTrail
class CheckpointsTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSettings settings;

    @Autowired
    InstanceKey key;

    ApiClient handler;
    ApiClient auditor;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        handler = client(users.userNamed("h-" + s, Set.of(Role.HANDLER, Role.COORDINATOR)));
        auditor = client(users.userNamed("a-" + s, Set.of(Role.AUDITOR)));
    }

    private String report(String title) {
        ApiClient.Answer answer = handler.post("/api/v1/incidents", Map.of("title", title, "description", "d"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private JsonNode sign() {
        ApiClient.Answer signed = auditor.post("/api/v1/audit/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return signed.json();
    }

    private JsonNode verify() {
        return auditor.get("/api/v1/audit/verify").json();
    }

    private long head() {
        return jdbc.sql("select seq from audit_head").query(Long.class).single();
    }

    private static List<String> kinds(JsonNode verification) {
        return verification
                .get("problems")
                .valueStream()
                .map(p -> p.get("kind").asString())
                .toList();
    }

    @Test
    void anHonestTrailWithManyRecordsAndSeveralCheckpointsVerifies() {
        long checkpointsBefore = verify().get("checkpoints").asLong();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 100; i++) {
                String id = report("Honest " + round + "-" + i);
                if (i % 10 == 0) {
                    handler.post("/api/v1/incidents/" + id + "/transition", Map.of("to", "triage", "version", 0));
                    handler.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "a note after the change"));
                }
            }
            JsonNode checkpoint = sign();
            assertThat(checkpoint.get("size").asLong()).isEqualTo(head());
            assertThat(checkpoint.get("note").asString()).startsWith(key.origin() + "\n" + head() + "\n");
        }
        JsonNode verification = verify();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(head()).isGreaterThan(300);
        assertThat(verification.get("checkpoints").asLong()).isGreaterThanOrEqualTo(checkpointsBefore + 3);
        assertThat(verification.get("objects").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(sign().get("size").asLong())
                .as("nothing new: the latest checkpoint")
                .isEqualTo(head());
    }

    @Test
    void aRewriteWithRecomputedHashesBeforeACheckpointIsNamed() {
        for (int i = 0; i < 5; i++) {
            report("Before the rewrite " + i);
        }
        long signedSize = sign().get("size").asLong();
        report("After the checkpoint");
        long rewritten = signedSize - 3;
        List<Map<String, Object>> saved = rowsFrom(rewritten);
        Map<String, Object> savedHead =
                jdbc.sql("select seq, hash from audit_head").query().singleRow();
        rewriteFrom(rewritten);
        try {
            JsonNode verification = verify();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            JsonNode problem = verification.get("firstBroken");
            assertThat(problem.get("kind").asString()).isEqualTo("REWRITTEN");
            assertThat(problem.get("seq").asLong()).isLessThanOrEqualTo(rewritten);
            assertThat(problem.get("message").asString())
                    .contains("the first " + signedSize + " records")
                    .containsPattern("records? " + problem.get("seq").asLong() + " to");
            assertThat(kinds(verification))
                    .as("the chain alone cannot tell: every hash was recomputed")
                    .doesNotContain("ALTERED", "OUT_OF_ORDER", "MISSING");
            assertThat(auditor.post("/api/v1/audit/checkpoints", Map.of()).status())
                    .as("a rewritten trail is not signed")
                    .isEqualTo(409);
        } finally {
            restore(saved, savedHead);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void cuttingTheNewestRecordsAndMovingTheHeadBackIsNamed() {
        for (int i = 0; i < 5; i++) {
            report("To be cut " + i);
        }
        long signedSize = sign().get("size").asLong();
        long keep = signedSize - 5;
        List<Map<String, Object>> saved = rowsFrom(keep + 1);
        Map<String, Object> savedHead =
                jdbc.sql("select seq, hash from audit_head").query().singleRow();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select seq from audit_head for update").query(Long.class).single();
            jdbc.sql("delete from audit_record where seq > ?").param(keep).update();
            jdbc.sql("update audit_head set seq = ?, hash = (select hash from audit_record where seq = ?)")
                    .params(keep, keep)
                    .update();
        });
        try {
            JsonNode verification = verify();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            JsonNode problem = verification.get("firstBroken");
            assertThat(problem.get("kind").asString()).isEqualTo("TRUNCATED");
            assertThat(problem.get("seq").asLong()).isEqualTo(keep + 1);
            assertThat(problem.get("message").asString())
                    .contains("records " + (keep + 1) + " to " + signedSize + " are gone");
            assertThat(kinds(verification)).doesNotContain("MISSING", "REWRITTEN");
            assertThat(auditor.get("/api/v1/audit/proofs/inclusion?seq=" + signedSize)
                            .status())
                    .as("a proof of a removed record")
                    .isEqualTo(409);
        } finally {
            restore(saved, savedHead);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointWithAForgedSignatureInTheLogIsNamed() throws IOException {
        report("Checkpointed");
        JsonNode real = sign();
        String note = real.get("note").asString();
        String forgedRoot = Base64.getEncoder().encodeToString(MerkleTree.leafHash(new byte[] {1}));
        long length = Files.size(settings.checkpointLog());
        String forged = note.replace(real.get("rootHash").asString(), forgedRoot)
                .replace(
                        "\n" + real.get("size").asLong() + "\n",
                        "\n" + (real.get("size").asLong() + 1000) + "\n");
        Files.writeString(settings.checkpointLog(), forged + "\n", StandardOpenOption.APPEND);
        int entry =
                CheckpointLog.parse(Files.readString(settings.checkpointLog())).size();
        try {
            JsonNode verification = verify();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(kinds(verification))
                    .containsExactly("FORGED_CHECKPOINT")
                    .as("a forged checkpoint is not believed: no truncation")
                    .doesNotContain("TRUNCATED");
            assertThat(verification.get("firstBroken").get("message").asString())
                    .isEqualTo("entry " + entry
                            + " of the checkpoint log, a checkpoint of "
                            + (real.get("size").asLong() + 1000)
                            + " records, is not signed by this instance's key");
        } finally {
            try (FileChannel log = FileChannel.open(settings.checkpointLog(), StandardOpenOption.WRITE)) {
                log.truncate(length);
            }
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anIncidentChangedBySqlIsNamedByItsNumber() {
        String id = report("Changed behind Cairn's back");
        String reference =
                handler.get("/api/v1/incidents/" + id).json().get("reference").asString();
        jdbc.sql("update incident set severity = 'CRITICAL' where id = ?::uuid")
                .param(id)
                .update();
        try {
            JsonNode verification = verify();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            JsonNode problem = verification.get("firstBroken");
            assertThat(problem.get("kind").asString()).isEqualTo("CHANGED_OUTSIDE");
            assertThat(problem.get("object").asString()).isEqualTo(reference);
            assertThat(problem.get("message").asString()).startsWith(reference + " was changed outside Cairn");
            assertThat(kinds(verification)).containsExactly("CHANGED_OUTSIDE");
        } finally {
            jdbc.sql("update incident set severity = 'MEDIUM' where id = ?::uuid")
                    .param(id)
                    .update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theKeyIsReadableByItsOwnerOnlyAndServedForAuditors() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.keyFile())))
                .isEqualTo("rw-------");
        JsonNode served = auditor.get("/api/v1/audit/checkpoint-key").json();
        assertThat(served.get("verifierKey").asString())
                .isEqualTo(key.verifierKey().encoded());
        assertThat(served.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(handler.get("/api/v1/audit/checkpoint-key").status()).isEqualTo(403);
        assertThat(handler.post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(403);
        HttpResponse<String> refused = textAs(
                users.userNamed("h2-" + System.nanoTime(), Set.of(Role.HANDLER)).token(),
                "/api/v1/audit/checkpoint-log");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void auditorsDownloadTheCheckpointsAndVerifyThemWithTheKey() throws Exception {
        report("Downloaded");
        JsonNode signed = sign();
        VerifierKey verifier = VerifierKey.parse(auditor.get("/api/v1/audit/checkpoint-key")
                        .json()
                        .get("verifierKey")
                        .asString())
                .orElseThrow();

        String latest = text("/api/v1/audit/checkpoint");
        assertThat(latest).isEqualTo(signed.get("note").asString());
        assertThat(verifier.check(SignedNote.parse(latest).orElseThrow())).isEqualTo(VerifierKey.Check.SIGNED);
        String log = text("/api/v1/audit/checkpoint-log");
        assertThat(log).isEqualTo(Files.readString(settings.checkpointLog())).endsWith(latest + "\n");
        List<CheckpointLog.Entry> entries = CheckpointLog.parse(log);
        assertThat(entries)
                .allSatisfy(entry -> assertThat(
                                verifier.check(SignedNote.parse(entry.text()).orElseThrow()))
                        .isEqualTo(VerifierKey.Check.SIGNED));
        JsonNode listed =
                auditor.get("/api/v1/audit/checkpoints?after=0&limit=1000").json();
        assertThat(listed.get(listed.size() - 1).get("size").asLong())
                .isEqualTo(signed.get("size").asLong());
        assertThat(auditor.get("/api/v1/audit/checkpoints/latest")
                        .json()
                        .get("note")
                        .asString())
                .isEqualTo(latest);
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstTheSignedCheckpoints() {
        for (int i = 0; i < 300; i++) {
            report("Proved " + i);
        }
        JsonNode first = sign();
        report("Later");
        JsonNode second = sign();
        long size1 = first.get("size").asLong();
        long size2 = second.get("size").asLong();
        byte[] root2 = Base64.getDecoder().decode(second.get("rootHash").asString());

        for (long seq : new long[] {1, size1 / 2, size1, size2}) {
            JsonNode proof =
                    auditor.get("/api/v1/audit/proofs/inclusion?seq=" + seq).json();
            assertThat(proof.get("treeSize").asLong()).isEqualTo(size2);
            assertThat(proof.get("checkpoint").asString())
                    .isEqualTo(second.get("note").asString());
            JsonNode record = proof.get("record");
            AuditRecord recomputed = new AuditRecord(
                    record.get("seq").asLong(),
                    java.time.Instant.parse(record.get("at").asString()),
                    record.get("actorId").asString(),
                    record.get("actorName").asString(),
                    record.get("action").asString(),
                    record.get("objectType").asString(),
                    record.get("objectId").asString(),
                    record.get("beforeDigest").isNull()
                            ? null
                            : record.get("beforeDigest").asString(),
                    record.get("afterDigest").isNull()
                            ? null
                            : record.get("afterDigest").asString(),
                    record.get("previousHash").asString(),
                    record.get("hash").asString());
            assertThat(recomputed.sealsItsContent()).isTrue();
            assertThat(MerkleTree.verifyInclusion(seq - 1, size2, recomputed.leafHash(), hashes(proof), root2))
                    .as("record %d", seq)
                    .isTrue();
        }
        JsonNode consistency = auditor.get("/api/v1/audit/proofs/consistency?from=" + size1 + "&to=" + size2)
                .json();
        assertThat(MerkleTree.verifyConsistency(
                        size1,
                        size2,
                        Base64.getDecoder().decode(first.get("rootHash").asString()),
                        root2,
                        hashes(consistency)))
                .isTrue();
    }

    @Test
    void badProofRequestsAreProblemsNamingTheField() {
        report("Proof bounds");
        long size = sign().get("size").asLong();
        assertProblem(auditor.get("/api/v1/audit/proofs/inclusion"), "seq");
        assertProblem(auditor.get("/api/v1/audit/proofs/inclusion?seq=0"), "seq");
        assertProblem(auditor.get("/api/v1/audit/proofs/inclusion?seq=abc"), "seq");
        assertProblem(auditor.get("/api/v1/audit/proofs/inclusion?seq=1&size=" + (size + 1)), "size");
        assertProblem(auditor.get("/api/v1/audit/proofs/inclusion?seq=5&size=4"), "seq");
        assertProblem(auditor.get("/api/v1/audit/proofs/consistency"), "from");
        assertProblem(auditor.get("/api/v1/audit/proofs/consistency?from=-1"), "from");
        assertProblem(auditor.get("/api/v1/audit/proofs/consistency?from=2&to=1"), "from");
        assertProblem(auditor.get("/api/v1/audit/proofs/consistency?from=1&to=99999999999999"), "to");
        assertProblem(auditor.get("/api/v1/audit/checkpoints?limit=0"), "limit");
        assertProblem(auditor.get("/api/v1/audit/checkpoints?after=x"), "after");
    }

    private static void assertProblem(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static List<byte[]> hashes(JsonNode proof) {
        return proof.get("hashes")
                .valueStream()
                .map(h -> Base64.getDecoder().decode(h.asString()))
                .toList();
    }

    private String text(String path) throws Exception {
        HttpResponse<String> response = textAs(
                users.userNamed("t-" + System.nanoTime(), Set.of(Role.AUDITOR)).token(), path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    private HttpResponse<String> textAs(String token, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept", "text/plain")
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<Map<String, Object>> rowsFrom(long seq) {
        return jdbc.sql("select * from audit_record where seq >= ? order by seq")
                .param(seq)
                .query()
                .listOfRows();
    }

    /**
     * Changes record {@code seq} and recomputes its hash and every later one and the head, as someone with full
     * access to the database would, under the head's lock so that no append chains onto it meanwhile.
     */
    private void rewriteFrom(long seq) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select seq from audit_head for update").query(Long.class).single();
            jdbc.sql("update audit_record set actor_name = 'mallory' where seq = ?")
                    .param(seq)
                    .update();
            String previous = jdbc.sql("select hash from audit_record where seq = ?")
                    .param(seq - 1)
                    .query(String.class)
                    .single();
            for (AuditRecord record : jdbc.sql("select * from audit_record where seq >= ? order by seq")
                    .param(seq)
                    .query((row, n) -> AuditRecord.of(row))
                    .list()) {
                String hash = AuditRecord.hashOf(
                        previous,
                        record.at(),
                        record.actorId(),
                        record.actorName(),
                        record.action(),
                        record.objectType(),
                        record.objectId(),
                        record.beforeDigest(),
                        record.afterDigest());
                jdbc.sql("update audit_record set previous_hash = ?, hash = ? where seq = ?")
                        .params(previous, hash, record.seq())
                        .update();
                previous = hash;
            }
            jdbc.sql("update audit_head set hash = ?").param(previous).update();
        });
    }

    private void restore(List<Map<String, Object>> rows, Map<String, Object> head) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select seq from audit_head for update").query(Long.class).single();
            jdbc.sql("delete from audit_record where seq >= ?")
                    .param(rows.get(0).get("seq"))
                    .update();
            for (Map<String, Object> row : rows) {
                jdbc.sql("""
                        insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                          before_digest, after_digest, previous_hash, hash)
                        values (:seq, :at, :actor_id, :actor_name, :action, :object_type, :object_id, :before_digest,
                          :after_digest, :previous_hash, :hash)""").params(row).update();
            }
            jdbc.sql("update audit_head set seq = :seq, hash = :hash")
                    .params(head)
                    .update();
        });
    }
}
