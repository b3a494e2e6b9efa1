package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files attached to the steps of runs, over HTTP: attached by the step's team while it is open, with the SHA-256 Cairn
 * computed; listed and downloaded by whoever may read the step, unseen by anyone else; frozen once the step closed; in
 * the audit trail and in the auditor's evidence of the step's control.
 */
class StepAttachmentApiTest extends ApiClient.OnServer {

    static final byte[] PROOF = "account j.jansen disabled at 09:12\n".getBytes(StandardCharsets.UTF_8);

    String s;
    String type;
    ApiClient requester;
    ApiClient itMember;
    ApiClient otherResolver;
    ApiClient auditor;
    JdbcClient jdbc;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        TeamId it = users.teamNamed("IT-" + s);
        TeamId facilities = users.teamNamed("Facilities-" + s);
        ApiClient admin = client(users.userNamed("saadmin-" + s, Set.of(Role.ADMIN)));
        requester = client(users.userNamed("sareq-" + s, Set.of(Role.REPORTER)));
        itMember = client(users.userNamed("sait-" + s, Set.of(Role.RESOLVER), it));
        otherResolver = client(users.userNamed("safac-" + s, Set.of(Role.RESOLVER), facilities));
        auditor = client(users.userNamed("saaud-" + s, Set.of(Role.AUDITOR)));
        jdbc = context.getBean(JdbcClient.class);
        ApiClient.Answer added = admin.post(
                "/api/v1/procedure-types",
                Map.of(
                        "key",
                        "proof-" + s,
                        "name",
                        "Proof " + s,
                        "phases",
                        List.of(Map.of("key", "revoke", "name", "Revoke")),
                        "steps",
                        List.of(
                                Map.of(
                                        "phase",
                                        "revoke",
                                        "title",
                                        "Disable the accounts",
                                        "kind",
                                        "task",
                                        "mandatory",
                                        true,
                                        "team",
                                        it.toString(),
                                        "controls",
                                        List.of("5.18")),
                                Map.of(
                                        "phase", "revoke",
                                        "title", "Collect the badge",
                                        "kind", "task",
                                        "mandatory", true,
                                        "team", facilities.toString())),
                        "due",
                        "P2D"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        type = added.json().path("id").asString();
    }

    private JsonNode started() {
        ApiClient.Answer run =
                requester.post("/api/v1/procedure-runs", Map.of("procedureType", type, "values", Map.of()));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        return run.json();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private long stored(String step) {
        return jdbc.sql("select count(*) from isms_step_attachment where step_id = ?::uuid")
                .param(step)
                .query(Long.class)
                .single();
    }

    @Test
    void theTeamAttachesAFileThatReadersDownloadWithItsDigestAndOthersNeverSee() throws Exception {
        JsonNode run = started();
        String step = ProcedureRunApiTest.stepTitled(run, "Disable the accounts")
                .path("id")
                .asString();
        String attachments = "/api/v1/procedure-steps/" + step + "/attachments";

        ApiClient.Answer attached = itMember.postFile(attachments, "C:\\temp\\disabled.txt", "text/plain", PROOF);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        JsonNode attachment = attached.json();
        assertThat(attachment.path("sha256").asString()).isEqualTo(sha256(PROOF));
        assertThat(attachment.path("fileName").asString()).isEqualTo("disabled.txt");
        assertThat(attachment.path("size").asLong()).isEqualTo(PROOF.length);
        assertThat(attachment.path("attachedBy").asString()).isNotBlank();
        String download = attachments + "/" + attachment.path("id").asString();
        assertThat(attached.header("Location")).isEqualTo(download);

        ApiClient.Bytes bytes = itMember.bytes(download, Map.of());
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(PROOF);
        assertThat(bytes.header("Repr-Digest"))
                .isEqualTo("sha-256=:"
                        + Base64.getEncoder()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-256").digest(PROOF))
                        + ":");
        assertThat(bytes.header("ETag")).isEqualTo("\"" + sha256(PROOF) + "\"");
        assertThat(bytes.header("Content-Disposition")).startsWith("attachment").contains("disabled.txt");
        assertThat(bytes.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(bytes.header("Content-Type")).startsWith("application/octet-stream");

        for (ApiClient reader : List.of(auditor, requester, itMember)) {
            ApiClient.Answer listed = reader.get(attachments);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            assertThat(listed.json().get(0).path("sha256").asString()).isEqualTo(sha256(PROOF));
        }
        assertThat(otherResolver.get(attachments).status()).isEqualTo(404);
        assertThat(otherResolver.bytes(download, Map.of()).status()).isEqualTo(404);
        assertThat(otherResolver
                        .postFile(attachments, "x.txt", "text/plain", PROOF)
                        .status())
                .isEqualTo(404);
        assertThat(auditor.postFile(attachments, "x.txt", "text/plain", PROOF).status())
                .isEqualTo(403);
        assertThat(itMember.bytes(attachments + "/" + UUID.randomUUID(), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(stored(step)).isEqualTo(1);

        assertThat(jdbc.sql("""
                        select count(*) from audit_record
                        where action = 'procedure-run.step-attached' and object_id = ? and after_digest = ?""")
                        .params(run.path("id").asString(), sha256(PROOF))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aMissingEmptyOrTooLargeFileOrALongDescriptionIsRefusedByNameAndNothingIsStored() {
        String step = ProcedureRunApiTest.stepTitled(started(), "Disable the accounts")
                .path("id")
                .asString();
        String attachments = "/api/v1/procedure-steps/" + step + "/attachments";

        assertRefused(itMember.postFile(attachments, "empty.txt", "text/plain", new byte[0]), 400, "file");
        String boundary = "b" + UUID.randomUUID();
        ApiClient.Answer withoutFile = itMember.postRaw(
                attachments,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nno file\r\n--" + boundary
                        + "--\r\n"));
        assertRefused(withoutFile, 400, "file");
        assertRefused(
                itMember.postFile(attachments, "large.bin", "application/octet-stream", new byte[25 * 1024 * 1024 + 1]),
                413,
                "file");
        String longDescription = "x".repeat(501);
        ApiClient.Answer described = itMember.postRaw(
                attachments,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + longDescription
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nproof\r\n--" + boundary + "--\r\n"));
        assertRefused(described, 400, "description");
        assertThat(itMember.postFile(
                                "/api/v1/procedure-steps/" + UUID.randomUUID() + "/attachments",
                                "a.txt",
                                "text/plain",
                                PROOF)
                        .status())
                .isEqualTo(404);
        assertThat(stored(step)).isZero();
    }

    private static void assertRefused(ApiClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.problemFields()).as(answer.toString()).contains(field);
    }

    @Test
    void aClosedStepKeepsItsAttachmentsAndTheAuditorsEvidenceListsThem() throws Exception {
        JsonNode run = started();
        JsonNode disable = ProcedureRunApiTest.stepTitled(run, "Disable the accounts");
        String step = disable.path("id").asString();
        String attachments = "/api/v1/procedure-steps/" + step + "/attachments";
        assertThat(itMember.postFile(attachments, "=cmd.txt", "text/plain", PROOF)
                        .status())
                .isEqualTo(201);
        ApiClient.Answer done = itMember.post(
                "/api/v1/procedure-steps/" + step + "/complete",
                Map.of("note", "disabled", "version", disable.path("version").asLong()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        ApiClient.Answer late = itMember.postFile(attachments, "late.txt", "text/plain", PROOF);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("Disable the accounts", "done");
        assertThat(stored(step)).isEqualTo(1);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String query =
                "?control=A.5.18&from=" + today.minusDays(2) + "&to=" + today.plusDays(2) + "&procedureType=" + type;
        JsonNode evidence = auditor.get("/api/v1/control-evidence" + query).json();
        JsonNode timeline = evidence.path("runs").get(0).path("steps");
        assertThat(timeline.get(0).path("attachments").get(0).path("sha256").asString())
                .isEqualTo(sha256(PROOF));
        assertThat(timeline.get(0).path("attachments").get(0).path("name").asString())
                .isEqualTo("=cmd.txt");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(
                        auditor.get("/api/v1/control-evidence.csv" + query).body()))
                .getRecords();
        assertThat(rows.get(0).get("attachments")).isEqualTo("'=cmd.txt (" + sha256(PROOF) + ")");
    }

    @Test
    void anAttachmentRacingTheStepsCompletionLandsBeforeItOrIsRefused() throws Exception {
        JsonNode run = started();
        JsonNode disable = ProcedureRunApiTest.stepTitled(run, "Disable the accounts");
        String step = disable.path("id").asString();
        String attachments = "/api/v1/procedure-steps/" + step + "/attachments";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = "race-" + i + ".txt";
                calls.add(() -> itMember.postFile(attachments, name, "text/plain", PROOF)
                        .status());
            }
            calls.add(
                    2,
                    () -> itMember.post(
                                    "/api/v1/procedure-steps/" + step + "/complete",
                                    Map.of("version", disable.path("version").asLong()))
                            .status());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get());
            }
            assertThat(statuses.get(2)).isEqualTo(200);
            statuses.remove(2);
            assertThat(statuses).allMatch(status -> status == 201 || status == 409);
            assertThat(stored(step))
                    .isEqualTo(statuses.stream().filter(status -> status == 201).count());
            // under the run's lock, each attachment that landed did so before the completion, in the trail too
            assertThat(jdbc.sql("""
                            select coalesce(max(seq) filter (where action = 'procedure-run.step-attached'), 0)
                                < max(seq) filter (where action = 'procedure-run.step-done')
                            from audit_record where object_id = ?""")
                            .param(run.path("id").asString())
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
