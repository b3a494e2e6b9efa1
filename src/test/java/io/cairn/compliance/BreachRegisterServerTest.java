package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The breach register on the whole server: every assessed breach, a "no breach" decision too, with its rationale as
 * the reason it was not notified; filtered by period and legal entity; as CSV and PDF; a privacy officer reads it for
 * a confidential incident whose observables and attachments stay closed to them; nobody else reads it.
 */
class BreachRegisterServerTest extends ApiClient.OnServer {

    ApiClient coordinator;
    ApiClient officer;
    String entity;
    String unit;
    String s;

    @BeforeEach
    void organisation() {
        s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("br-admin-" + s, Set.of(Role.ADMIN)));
        coordinator = client(users.user("br-coord-" + s, Set.of(Role.COORDINATOR, Role.HANDLER)));
        TestUser officerUser = users.user("br-dpo-" + s, Set.of(Role.PRIVACY_OFFICER));
        officer = client(officerUser);
        entity = ComplianceFixture.legalEntity(admin, "Register " + s, "not-in-scope", null);
        unit = ComplianceFixture.businessUnit(admin, "Register unit " + s, entity);
    }

    private String incident(String title, boolean confidential) {
        ApiClient.Answer created = coordinator.post(
                "/api/v1/incidents",
                body(
                        "title",
                        title + " " + s,
                        "description",
                        "records",
                        "businessUnit",
                        unit,
                        "confidential",
                        confidential));
        assertThat(created.status()).as(created.toString()).isLessThan(300);
        return created.json().path("id").asString();
    }

    private void decide(String incident, String aware, String breach, String rationale) {
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        coordinator.put(compliance + "/facts/gdpr.awareness", body("at", aware, "justification", "logs", "version", 0));
        ApiClient.Answer decided = coordinator.put(
                compliance + "/decisions/personal-data-breach",
                body("result", breach, "rationale", rationale, "version", 0));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private List<JsonNode> register(String query) {
        ApiClient.Answer answer = officer.get("/api/v1/compliance/breach-register" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json()
                .valueStream()
                .filter(entry -> entry.path("title").asString().endsWith(s))
                .toList();
    }

    @Test
    void everyAssessedBreachIsInTheRegisterANoBreachDecisionTooWithItsRationale() {
        String none = incident("Test data only", false);
        decide(none, "2025-02-03T09:00:00Z", "no", "Only synthetic test records were exposed");
        String leak = incident("Patients exposed", false);
        decide(leak, "2025-03-07T10:00:00Z", "yes", "Patient records were read");
        coordinator.put(
                "/api/v1/incidents/" + leak + "/compliance/decisions/gdpr-risk",
                body("result", "risk", "rationale", "Identity theft is possible", "version", 0));
        incident("Never assessed", false);

        List<JsonNode> all = register("");
        assertThat(all).extracting(entry -> entry.path("incident").asString()).containsExactly(leak, none);
        JsonNode noBreach = all.get(1);
        assertThat(noBreach.path("breach").asString()).isEqualTo("no");
        assertThat(noBreach.path("notification").asString()).isEqualTo("not-required");
        assertThat(noBreach.path("notNotifiedBecause").asString())
                .isEqualTo("Only synthetic test records were exposed");
        assertThat(noBreach.path("legalEntity").asString()).isEqualTo(entity);
        JsonNode breach = all.get(0);
        assertThat(breach.path("notification").asString()).isEqualTo("pending");
        assertThat(breach.path("effects").asString()).isEqualTo("Identity theft is possible");

        assertThat(register("?from=2025-03-01&to=2025-03-31"))
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(leak);
        assertThat(register("?to=2025-02-03"))
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(none);
        assertThat(register("?legalEntity=" + io.cairn.identity.LegalEntityId.random()))
                .isEmpty();
        ApiClient.Answer reversed = officer.get("/api/v1/compliance/breach-register?from=2025-03-02&to=2025-03-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("errors").get(0).path("field").asString())
                .isEqualTo("to");
    }

    @Test
    void theRegisterIsCsvWithAHeaderRowAndAPdf() throws Exception {
        String none = incident("=HYPERLINK(\"x\") test", false);
        decide(none, LocalDate.now().minusDays(1) + "T09:00:00Z", "no", "Only, \"synthetic\" records");
        ApiClient.Bytes csv = officer.bytes(
                "/api/v1/compliance/breach-register.csv?legalEntity=" + entity, Map.of("Accept-Language", "nl"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows.get(0).get(0)).isEqualTo("Incident");
        assertThat(rows.get(0).get(7)).isEqualTo("Motivering van het besluit over de inbreuk");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).startsWith("'=HYPERLINK");
        assertThat(rows.get(1).get(7)).isEqualTo("Only, \"synthetic\" records");
        ApiClient.Bytes byAccept =
                officer.bytes("/api/v1/compliance/breach-register?legalEntity=" + entity, Map.of("Accept", "text/csv"));
        assertThat(byAccept.header("Content-Type")).startsWith("text/csv");
        assertThat(new String(byAccept.body(), StandardCharsets.UTF_8)).contains("Only, \"\"synthetic\"\" records");
        ApiClient.Bytes pdf = officer.bytes("/api/v1/compliance/breach-register.pdf", Map.of());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aPrivacyOfficerReadsTheBreachOfAConfidentialIncidentButNotItsTechnicalEvidence() {
        String secret = incident("Confidential breach", true);
        ApiClient.Answer observable = coordinator.post(
                "/api/v1/incidents/" + secret + "/observables", body("type", "ipv4-addr", "value", "203.0.113.9"));
        assertThat(observable.status()).as(observable.toString()).isLessThan(300);
        decide(secret, "2025-04-01T08:00:00Z", "yes", "Mailbox of the board was read");

        assertThat(register(""))
                .extracting(entry -> entry.path("incident").asString())
                .contains(secret);
        assertThat(officer.get("/api/v1/compliance/breach-register").body()).doesNotContain("203.0.113.9");
        assertThat(officer.get("/api/v1/incidents/" + secret + "/observables").status())
                .isIn(403, 404);
        assertThat(officer.get("/api/v1/incidents/" + secret + "/attachments").status())
                .isIn(403, 404);
        assertThat(officer.get("/api/v1/incidents/" + secret).status()).isIn(403, 404);
    }

    @Test
    void onlyPrivacyOfficersAndCoordinatorsReadTheRegister() {
        for (Role role : List.of(Role.HANDLER, Role.REPORTER, Role.AUDITOR, Role.ADMIN)) {
            ApiClient other =
                    client(users.user("br-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + s, Set.of(role)));
            assertThat(other.get("/api/v1/compliance/breach-register").status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(other.bytes("/api/v1/compliance/breach-register.csv", Map.of())
                            .status())
                    .isEqualTo(403);
        }
        assertThat(coordinator.get("/api/v1/compliance/breach-register").status())
                .isEqualTo(200);
    }
}
