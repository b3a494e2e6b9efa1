package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An incident's regime facts and decision records through the API: each change a new version with its history, the
 * loser of a race 409, every field at fault named, the trail records each; reporters and those who cannot see a
 * confidential incident neither read nor change them.
 */
class IncidentComplianceApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient coordinator;
    ApiClient officer;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        coordinator = client(users.user("ic-coord-" + s, Set.of(Role.COORDINATOR, Role.HANDLER)));
        officer = client(users.user("ic-dpo-" + s, Set.of(Role.PRIVACY_OFFICER)));
    }

    private String incident(ApiClient by) {
        return by.post("/api/v1/incidents", Map.of("title", "Leak " + s, "description", "customer data"))
                .json()
                .path("id")
                .asString();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void awarenessIsAFactWithAHistoryAndTheShortInvestigationShows() {
        String id = incident(coordinator);
        long version = coordinator
                .get("/api/v1/incidents/" + id)
                .json()
                .path("version")
                .asLong();
        coordinator.post(
                "/api/v1/incidents/" + id + "/times", body("detectedAt", "2025-03-07T04:30:00Z", "version", version));
        String fact = "/api/v1/incidents/" + id + "/compliance/facts/gdpr.awareness";
        ApiClient.Answer first =
                officer.put(fact, body("at", "2025-03-07T09:00:00Z", "justification", "alert triaged", "version", 0));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isEqualTo(1);

        ApiClient.Answer stale =
                officer.put(fact, body("at", "2025-03-07T08:00:00Z", "justification", "late", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        ApiClient.Answer changed = coordinator.put(
                fact, body("at", "2025-03-07T10:00:00Z", "justification", "logs confirm exfiltration", "version", 1));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        JsonNode read = officer.get(fact).json();
        assertThat(read.path("at").asString()).isEqualTo("2025-03-07T10:00:00Z");
        assertThat(read.path("history").size()).isEqualTo(2);
        assertThat(read.path("history").get(1).path("justification").asString()).isEqualTo("alert triaged");
        JsonNode all = officer.get("/api/v1/incidents/" + id + "/compliance").json();
        assertThat(all.path("shortInvestigation").asString()).isEqualTo("PT5H30M");
        assertThat(all.path("recordableFacts").toString())
                .contains("gdpr.awareness", "dora.dora-major", "sec-8k.materiality-determined", "hipaa.discovery")
                .doesNotContain("gdpr.high-risk");
        assertThat(actions(id + "/gdpr.awareness", "regime-fact"))
                .containsExactly("regime-fact.recorded", "regime-fact.changed");
    }

    @Test
    void decisionsKeepTheirInputsCriteriaAndReassessmentsAndSpecialDataNeedsAnOverrideForUnlikely() {
        String id = incident(coordinator);
        String decisions = "/api/v1/incidents/" + id + "/compliance/decisions/";
        ApiClient.Answer breach = officer.put(
                decisions + "personal-data-breach",
                body(
                        "result",
                        "yes",
                        "rationale",
                        "health records were read",
                        "inputs",
                        body("breach-types", List.of("confidentiality"), "special-category-data", true),
                        "version",
                        0));
        assertThat(breach.status()).as(breach.toString()).isEqualTo(200);

        ApiClient.Answer unlikely = officer.put(
                decisions + "gdpr-risk", body("result", "unlikely", "rationale", "encrypted", "version", 0));
        assertThat(unlikely.status()).isEqualTo(400);
        assertThat(unlikely.json().path("errors").get(0).path("field").asString())
                .isEqualTo("overrideReason");
        ApiClient.Answer overridden = officer.put(
                decisions + "gdpr-risk",
                body(
                        "result", "unlikely",
                        "rationale", "encrypted laptop",
                        "overrideReason", "AES-256 full-disk encryption, key not compromised",
                        "inputs", body("breach-type", "low"),
                        "version", 0));
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        ApiClient.Answer reassessed = officer.put(
                decisions + "gdpr-risk",
                body(
                        "result", "high-risk",
                        "rationale", "the key was on a sticky note",
                        "establishedAt", "2026-01-02T08:00:00Z",
                        "inputs", body("breach-type", "high"),
                        "version", 1));
        assertThat(reassessed.status()).as(reassessed.toString()).isEqualTo(200);
        JsonNode risk = reassessed.json();
        assertThat(risk.path("current").path("result").asString()).isEqualTo("high-risk");
        assertThat(risk.path("history").size()).isEqualTo(2);
        assertThat(risk.path("history").get(1).path("result").asString()).isEqualTo("unlikely");
        assertThat(risk.path("current").path("criteria").toString()).contains("gdpr.suggested", "high-risk");

        ApiClient.Answer chosenMajor = coordinator.put(
                decisions + "dora-major", body("result", "major", "rationale", "feels big", "version", 0));
        assertThat(chosenMajor.status()).isEqualTo(400);
        assertThat(chosenMajor.json().path("errors").get(0).path("field").asString())
                .isEqualTo("result");
        JsonNode major = coordinator
                .put(
                        decisions + "dora-major",
                        body(
                                "rationale",
                                "payments down in two countries",
                                "inputs",
                                body(
                                        "critical-services-affected", true,
                                        "critical-downtime-hours",
                                                body("value", 3, "estimate", true, "basis", "monitoring gaps"),
                                        "member-states", List.of("NL", "BE")),
                                "version",
                                0))
                .json();
        assertThat(major.path("current").path("result").asString()).isEqualTo("major");
        assertThat(major.path("current")
                        .path("inputs")
                        .path("critical-downtime-hours")
                        .path("basis")
                        .asString())
                .isEqualTo("monitoring gaps");
        assertThat(actions(id + "/gdpr-risk", "decision-record"))
                .containsExactly("decision-record.decided", "decision-record.reassessed");
    }

    @Test
    void badInputNamesItsFieldAndStoresNothing() {
        String id = incident(coordinator);
        String compliance = "/api/v1/incidents/" + id + "/compliance";
        assertThat(field(officer.put(
                        compliance + "/facts/gdpr.awareness",
                        body("at", "2999-01-01T00:00:00Z", "justification", "x", "version", 0))))
                .isEqualTo("at");
        assertThat(field(officer.put(
                        compliance + "/facts/gdpr.awareness", body("at", "2025-01-01T00:00:00Z", "version", 0))))
                .isEqualTo("justification");
        assertThat(field(officer.put(
                        compliance + "/facts/gdpr.high-risk",
                        body("at", "2025-01-01T00:00:00Z", "justification", "x", "version", 0))))
                .isEqualTo("fact");
        assertThat(field(officer.put(
                        compliance + "/decisions/dora-major",
                        body("rationale", "r", "inputs", body("critical-services-affected", "yes"), "version", 0))))
                .isEqualTo("inputs.critical-services-affected");
        assertThat(field(officer.put(
                        compliance + "/decisions/personal-data-breach", body("result", "no", "version", 0))))
                .isEqualTo("rationale");
        assertThat(officer.get(compliance).json().path("facts").size()).isZero();
        assertThat(officer.get(compliance).json().path("decisions").size()).isZero();
    }

    @Test
    void costLinesByCategoryMakeTheEconomicImpactAndATotalThatIsNotTheirSumIsRefused() {
        String decision = "/api/v1/incidents/" + incident(coordinator) + "/compliance/decisions/dora-major";
        ApiClient.Answer refused = officer.put(
                decision,
                body(
                        "rationale",
                        "costs",
                        "inputs",
                        body(
                                "cost-staff-eur", body("value", 40_000, "estimate", false, "basis", ""),
                                "economic-impact-eur", body("value", 45_000, "estimate", false, "basis", "")),
                        "version",
                        0));
        assertThat(field(refused)).isEqualTo("inputs.economic-impact-eur");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("45000", "40000");
        assertThat(officer.get(decision).status()).isEqualTo(404);

        JsonNode recorded = officer.put(
                        decision,
                        body(
                                "rationale",
                                "costs",
                                "inputs",
                                body(
                                        "critical-services-affected",
                                        true,
                                        "media-coverage",
                                        true,
                                        "cost-staff-eur",
                                        body("value", 40_000, "estimate", false, "basis", ""),
                                        "cost-redress-eur",
                                        body("value", 70_000, "estimate", true, "basis", "claims")),
                                "version",
                                0))
                .json();
        JsonNode total = recorded.path("current").path("inputs").path("economic-impact-eur");
        assertThat(total.path("value").decimalValue()).isEqualByComparingTo("110000");
        assertThat(total.path("estimate").asBoolean()).isTrue();
        assertThat(total.path("basis").asString()).startsWith("the sum of the cost lines by category");
        assertThat(recorded.path("current").path("result").asString()).isEqualTo("major");
    }

    @Test
    void reportersAndThoseWhoCannotSeeAConfidentialIncidentNeitherReadNorChangeItsCompliance() {
        TestUser reporter = users.user("ic-rep-" + s, Set.of(Role.REPORTER));
        String own = incident(client(reporter));
        assertThat(client(reporter)
                        .get("/api/v1/incidents/" + own + "/compliance")
                        .status())
                .isEqualTo(403);
        assertThat(client(reporter)
                        .put(
                                "/api/v1/incidents/" + own + "/compliance/facts/gdpr.awareness",
                                body("at", "2025-01-01T00:00:00Z", "justification", "x", "version", 0))
                        .status())
                .isEqualTo(403);

        TeamId team = users.team("ic-team-" + s);
        String secret = incident(coordinator);
        long version = coordinator
                .get("/api/v1/incidents/" + secret)
                .json()
                .path("version")
                .asLong();
        coordinator.post("/api/v1/incidents/" + secret + "/assign", body("team", team.toString(), "version", version));
        version = coordinator
                .get("/api/v1/incidents/" + secret)
                .json()
                .path("version")
                .asLong();
        ApiClient.Answer marked = coordinator.post(
                "/api/v1/incidents/" + secret + "/mark",
                body("tlp", "RED", "pap", "RED", "confidential", true, "reason", "insider", "version", version));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        String fact = "/api/v1/incidents/" + secret + "/compliance/facts/gdpr.awareness";
        assertThat(coordinator
                        .put(fact, body("at", "2025-01-01T00:00:00Z", "justification", "seen", "version", 0))
                        .status())
                .isEqualTo(200);

        ApiClient outsider = client(users.user("ic-out-" + s, Set.of(Role.HANDLER)));
        assertThat(outsider.get("/api/v1/incidents/" + secret + "/compliance").status())
                .isEqualTo(404);
        assertThat(outsider.get(fact).status()).isEqualTo(404);
        assertThat(outsider.put(fact, body("at", "2025-01-02T00:00:00Z", "justification", "x", "version", 1))
                        .status())
                .isEqualTo(404);
        ApiClient insider = client(users.user("ic-in-" + s, Set.of(Role.HANDLER), team));
        assertThat(insider.put(fact, body("at", "2025-01-02T00:00:00Z", "justification", "team", "version", 1))
                        .status())
                .isEqualTo(200);
        ApiClient auditor = client(users.user("ic-aud-" + s, Set.of(Role.AUDITOR)));
        assertThat(auditor.get(fact).status()).isEqualTo(200);
        assertThat(auditor.put(fact, body("at", "2025-01-02T00:00:00Z", "justification", "x", "version", 2))
                        .status())
                .isEqualTo(403);
        assertThat(coordinator.get(fact).json().path("version").asLong()).isEqualTo(2);
    }

    private static String field(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json().path("errors").get(0).path("field").asString();
    }

    private List<String> actions(String objectId, String type) {
        return jdbc.sql("select action from audit_record where object_type = ? and object_id = ? order by seq")
                .params(type, objectId)
                .query(String.class)
                .list();
    }
}
