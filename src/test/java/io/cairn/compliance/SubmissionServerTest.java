package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.shared.ContentDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Submissions on the whole server: the GDPR notification drafted from the incident, refused while a mandatory field,
 * the authority's reference or (late) the reason for the delay is missing, then submitted late and frozen with the
 * SHA-256 of the exact bytes the API gives back; a correction names it; the PDF reads in Dutch; submitting NIS2's
 * incident notification starts the final report's month.
 */
class SubmissionServerTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient officer;
    ApiClient reporter;
    String unit;
    String s;

    @BeforeEach
    void organisation() {
        s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("sub-admin-" + s, Set.of(Role.ADMIN)));
        TestUser officerUser = users.user("sub-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR));
        officer = client(officerUser);
        reporter = client(users.user("sub-rep-" + s, Set.of(Role.REPORTER)));
        String entity = ComplianceFixture.legalEntity(admin, "Zorg " + s, "important", officerUser.id());
        unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
    }

    private String incident() {
        return officer.post(
                        "/api/v1/incidents",
                        body("title", "Patiëntgegevens gelekt " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
    }

    private String breach() {
        String id = incident();
        String compliance = "/api/v1/incidents/" + id + "/compliance";
        officer.put(
                compliance + "/facts/gdpr.awareness",
                body("at", "2025-03-07T10:00:00Z", "justification", "logs", "version", 0));
        officer.put(
                compliance + "/decisions/personal-data-breach",
                body(
                        "result",
                        "yes",
                        "rationale",
                        "records read",
                        "inputs",
                        body(
                                "breach-types",
                                List.of("confidentiality"),
                                "data-categories",
                                "medical records",
                                "approximate-subjects",
                                1200,
                                "approximate-records",
                                5000,
                                "subject-categories",
                                "patients"),
                        "version",
                        0));
        officer.put(
                compliance + "/decisions/gdpr-risk",
                body("result", "risk", "rationale", "identity theft is possible", "version", 0));
        return id;
    }

    private String stagePath(String incident, String regime, String stage) {
        JsonNode obligations = officer.get("/api/v1/incidents/" + incident + "/compliance")
                .json()
                .path("obligations");
        for (JsonNode obligation : obligations) {
            if (obligation.path("regime").asString().equals(regime)) {
                return "/api/v1/incidents/" + incident + "/compliance/obligations/"
                        + obligation.path("id").asString() + "/stages/" + stage;
            }
        }
        throw new AssertionError("no " + regime + " obligation: " + obligations);
    }

    private static List<String> fields(ApiClient.Answer refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    @Test
    void aLateGdprNotificationNeedsTheReasonForTheDelayAndIsFrozenWithTheSha256OfItsBytes() throws Exception {
        String incident = breach();
        String stage = stagePath(incident, "gdpr", "supervisory-authority");
        JsonNode draft = officer.get(stage + "/submission").json();
        assertThat(draft.path("version").asLong()).isZero();
        assertThat(draft.toString()).contains("medical records", "1200", "patients", "identity theft is possible");
        assertThat(draft.path("missing").valueStream().map(JsonNode::asString).toList())
                .containsExactly("measures");

        assertThat(fields(officer.post(
                        stage + "/submissions",
                        body("channel", "portal", "recipient", "Autoriteit Persoonsgegevens", "version", 0))))
                .containsExactlyInAnyOrder("fields.measures", "reference", "delayReason");
        assertThat(reporter.put(stage + "/submission", body("fields", body("measures", "x"), "version", 0))
                        .status())
                .isIn(403, 404);
        assertThat(reporter.get(stage + "/submission").status()).isIn(403, 404);

        JsonNode saved = officer.put(
                        stage + "/submission",
                        body("fields", body("measures", "Wachtwoorden vervangen; toegang ingetrokken"), "version", 0))
                .json();
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(officer.put(stage + "/submission", body("fields", body("measures", "y"), "version", 0))
                        .status())
                .isEqualTo(409);

        ApiClient.Answer submitted = officer.post(
                stage + "/submissions",
                body(
                        "channel", "portal",
                        "recipient", "Autoriteit Persoonsgegevens",
                        "reference", "AP-2025-0042",
                        "delayReason", "the scope was unknown until the forensic report",
                        "version", 1));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode first = submitted.json();
        assertThat(first.path("late").asBoolean()).isTrue();
        assertThat(first.path("dueAt").asString()).isEqualTo("2025-03-10T10:00:00Z");
        ApiClient.Bytes frozen =
                officer.bytes(stage + "/submissions/" + first.path("id").asString() + "/json", Map.of());
        assertThat(ContentDigest.of(frozen.body()).hex())
                .isEqualTo(first.path("sha256").asString());
        assertThat(new String(frozen.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Wachtwoorden vervangen", "AP-2025-0042", "forensic report", "\"late\":true");

        JsonNode after = officer.get(stage + "/submission").json();
        assertThat(after.path("status").asString()).isEqualTo("submitted");
        assertThat(officer.post(stage + "/submissions", body("channel", "e-mail", "recipient", "AP", "version", 1))
                        .status())
                .isEqualTo(409);
        JsonNode correction = officer.post(
                        stage + "/submissions", body("channel", "e-mail", "recipient", "AP", "version", 2))
                .json();
        assertThat(correction.path("corrects").asString())
                .isEqualTo(first.path("id").asString());
        assertThat(correction.path("late").asBoolean()).isFalse();
        assertThat(ContentDigest.of(officer.bytes(
                                        stage + "/submissions/"
                                                + first.path("id").asString() + "/json",
                                        Map.of())
                                .body())
                        .hex())
                .isEqualTo(first.path("sha256").asString());
        assertThatThrownBy(
                        () -> jdbc.sql("update compliance_submission set recipient = 'someone else' where id = ?::uuid")
                                .param(first.path("id").asString())
                                .update())
                .hasMessageContaining("frozen");
        assertThat(jdbc.sql("select action from audit_record where object_type = 'submission' and object_id like ? "
                                + "order by seq")
                        .param("%/supervisory-authority")
                        .query(String.class)
                        .list())
                .containsSubsequence("submission.drafted", "submission.submitted", "submission.corrected");

        ApiClient.Bytes pdf = officer.bytes(
                stage + "/submissions/" + first.path("id").asString() + "/pdf",
                Map.of("Accept", "application/pdf", "Accept-Language", "nl"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Melding aan de toezichthoudende autoriteit",
                            "Reden van de vertraging",
                            "Genomen of voorgestelde maatregelen",
                            "Patiëntgegevens gelekt",
                            "Wachtwoorden vervangen");
        }
    }

    @Test
    void submittingTheNis2IncidentNotificationStartsTheFinalReportsMonth() {
        String incident = incident();
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        officer.put(
                compliance + "/facts/nis2.awareness",
                body("at", Instant.now().minus(Duration.ofHours(2)).toString(), "justification", "SOC", "version", 0));
        officer.put(
                compliance + "/decisions/nis2-significant",
                body("rationale", "systems down", "inputs", body("operational-disruption", true), "version", 0));
        String notification = stagePath(incident, "nis2", "notification");
        String fin = stagePath(incident, "nis2", "final");
        assertThat(officer.get(fin + "/submission").json().path("status").asString())
                .isEqualTo("not-yet-running");
        officer.put(
                notification + "/submission",
                body(
                        "fields",
                        body(
                                "indicators", "203.0.113.7",
                                "suspected-malicious", "yes",
                                "cross-border-impact", "no"),
                        "version",
                        0));
        ApiClient.Answer submitted = officer.post(
                notification + "/submissions", body("channel", "e-mail", "recipient", "CSIRT", "version", 1));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().path("late").asBoolean()).isFalse();
        Instant at = Instant.parse(submitted.json().path("submittedAt").asString());
        JsonNode finalReport = officer.get(fin + "/submission").json();
        assertThat(finalReport.path("status").asString()).isEqualTo("open");
        Instant due = Instant.parse(finalReport.path("dueAt").asString());
        assertThat(due)
                .isBetween(
                        at.plus(Duration.ofDays(28)),
                        at.plus(Duration.ofDays(31).plusHours(1)));
        assertThat(officer.get(stagePath(incident, "nis2", "intermediate") + "/submission")
                        .status())
                .isEqualTo(409);
    }
}
