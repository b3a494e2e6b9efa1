package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A change of a legal entity's profile, or of a business unit's legal entity, derives the obligations of the incidents
 * it concerns anew in the same request: an obligation whose regime no longer applies closes with the reason and keeps
 * its deadlines, and opens again when the regime applies once more; a stage that never opened reads "not started".
 */
class ObligationProfileChangeServerTest extends ApiClient.OnServer {

    ApiClient admin;
    ApiClient officer;
    String entity;
    String unit;
    String s;

    @BeforeEach
    void organisation() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("pc-admin-" + s, Set.of(Role.ADMIN)));
        officer = client(users.user("pc-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR)));
        entity = ComplianceFixture.legalEntity(admin, "Zorg " + s, "not-in-scope", null);
        unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
    }

    /** The legal entity's profile with another jurisdiction, where another supervisory authority leads. */
    private static Map<String, Object> profile(String name, String jurisdiction) {
        Map<String, Object> profile = ComplianceFixture.dutchController(name, "not-in-scope", null);
        profile.put("jurisdictions", List.of(jurisdiction));
        return profile;
    }

    private String breach() {
        String id = officer.post(
                        "/api/v1/incidents", body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String compliance = "/api/v1/incidents/" + id + "/compliance";
        officer.put(
                compliance + "/facts/gdpr.awareness",
                body("at", "2025-03-07T10:00:00Z", "justification", "logs", "version", 0));
        officer.put(
                compliance + "/decisions/personal-data-breach", body("result", "yes", "rationale", "r", "version", 0));
        officer.put(compliance + "/decisions/gdpr-risk", body("result", "risk", "rationale", "names", "version", 0));
        return id;
    }

    private JsonNode gdpr(String incident) {
        JsonNode obligations = officer.get("/api/v1/incidents/" + incident + "/compliance")
                .json()
                .path("obligations");
        assertThat(obligations.size()).as(obligations.toString()).isEqualTo(1);
        return obligations.get(0);
    }

    private static JsonNode stage(JsonNode obligation, String stage) {
        return obligation
                .path("stages")
                .valueStream()
                .filter(found -> found.path("stage").asString().equals(stage))
                .findFirst()
                .orElseThrow();
    }

    private void changeEntity(String jurisdiction) {
        long version = admin.get("/api/v1/compliance/legal-entities/" + entity)
                .json()
                .path("version")
                .asLong();
        Map<String, Object> changed = profile("Zorg " + s, jurisdiction);
        changed.put("version", version);
        ApiClient.Answer answer = admin.put("/api/v1/compliance/legal-entities/" + entity, changed);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aStageThatNeverOpenedReadsNotStartedNotClosed() {
        JsonNode gdpr = gdpr(breach());
        assertThat(stage(gdpr, "data-subjects").path("status").asString()).isEqualTo("not-started");
        assertThat(stage(gdpr, "supervisory-authority").path("status").asString())
                .isEqualTo("overdue");
    }

    @Test
    void aProfileThatNoLongerFallsUnderTheGdprClosesTheObligationKeepingItsDeadlineAndABackChangeReopensIt() {
        String incident = breach();
        changeEntity("US");
        JsonNode closed = gdpr(incident);
        assertThat(closed.path("closedReason").asString()).isEqualTo("regime-not-applicable");
        assertThat(stage(closed, "supervisory-authority").path("status").asString())
                .isEqualTo("no-longer-applies");
        assertThat(stage(closed, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
        assertThat(officer.get("/api/v1/compliance/obligations?state=open")
                        .json()
                        .toString())
                .doesNotContain(incident);

        changeEntity("NL");
        JsonNode reopened = gdpr(incident);
        assertThat(reopened.path("closedAt").isNull()).isTrue();
        assertThat(stage(reopened, "supervisory-authority").path("status").asString())
                .isEqualTo("overdue");
        assertThat(stage(reopened, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
    }

    @Test
    void aBusinessUnitMovedToAnotherLegalEntityClosesTheObligationsTowardsTheFirstAndOpensThoseOfTheOther() {
        String incident = breach();
        String other = admin.post("/api/v1/compliance/legal-entities", profile("Andere " + s, "BE"))
                .json()
                .path("id")
                .asString();
        long version = admin.get("/api/v1/business-units")
                .json()
                .valueStream()
                .filter(found -> found.path("id").asString().equals(unit))
                .findFirst()
                .orElseThrow()
                .path("version")
                .asLong();
        ApiClient.Answer moved = admin.put(
                "/api/v1/business-units/" + unit,
                body(
                        "businessUnit",
                        body("name", "Unit " + s, "description", "care", "legalEntity", other),
                        "version",
                        version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode obligations = officer.get("/api/v1/incidents/" + incident + "/compliance")
                .json()
                .path("obligations");
        assertThat(obligations.size()).isEqualTo(2);
        JsonNode first = obligations
                .valueStream()
                .filter(o -> o.path("legalEntity").asString().equals(entity))
                .findFirst()
                .orElseThrow();
        assertThat(first.path("closedReason").asString()).isEqualTo("other-legal-entity");
        JsonNode second = obligations
                .valueStream()
                .filter(o -> o.path("legalEntity").asString().equals(other))
                .findFirst()
                .orElseThrow();
        assertThat(second.path("closedAt").isNull()).isTrue();
        assertThat(stage(second, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
    }
}
