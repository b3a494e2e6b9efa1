package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Obligations on the whole server: derived from the legal entity of the incident's business unit and its facts and
 * decisions, never typed; GDPR-2's worked example with its warnings at T-12 h and T-1 h and the overdue notice, each
 * told once to the privacy officer and the coordinators even by two scans at once (the scan is given the time, as the
 * SLA tests move time); the overdue list; an admin's re-base, raced; nobody but coordinators and privacy officers lists
 * obligations across incidents.
 */
class ObligationServerTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObligationScanner scanner;

    ApiClient admin;
    ApiClient coordinator;
    ApiClient officer;
    TestUser officerUser;
    TestUser coordinatorUser;
    String unit;
    String s;

    @BeforeEach
    void organisation() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("ob-admin-" + s, Set.of(Role.ADMIN)));
        coordinatorUser = users.user("ob-coord-" + s, Set.of(Role.COORDINATOR, Role.HANDLER));
        coordinator = client(coordinatorUser);
        officerUser = users.user("ob-dpo-" + s, Set.of(Role.PRIVACY_OFFICER));
        officer = client(officerUser);
        String entity = ComplianceFixture.legalEntity(admin, "Zorg " + s, "important", officerUser.id());
        unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private String breach(String aware, String risk) {
        String id = coordinator
                .post("/api/v1/incidents", body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String compliance = "/api/v1/incidents/" + id + "/compliance";
        assertThat(officer.put(
                                compliance + "/facts/gdpr.awareness",
                                body("at", aware, "justification", "logs reviewed", "version", 0))
                        .status())
                .isEqualTo(200);
        officer.put(
                compliance + "/decisions/personal-data-breach",
                body("result", "yes", "rationale", "records read", "version", 0));
        officer.put(compliance + "/decisions/gdpr-risk", body("result", risk, "rationale", "names", "version", 0));
        return id;
    }

    private JsonNode obligation(String incident, String regime) {
        for (JsonNode obligation : officer.get("/api/v1/incidents/" + incident + "/compliance")
                .json()
                .path("obligations")) {
            if (obligation.path("regime").asString().equals(regime)) {
                return obligation;
            }
        }
        throw new AssertionError("no " + regime + " obligation of " + incident);
    }

    private static JsonNode stage(JsonNode obligation, String stage) {
        for (JsonNode found : obligation.path("stages")) {
            if (found.path("stage").asString().equals(stage)) {
                return found;
            }
        }
        throw new AssertionError("no stage " + stage + " in " + obligation);
    }

    @Test
    void awarenessAndARiskOpenTheSupervisoryAuthoritysStageWhichWarnsAtT12hAndT1hAndGoesOverdueEachTimeOnce()
            throws Exception {
        String incident = breach("2025-03-07T10:00:00Z", "risk");
        JsonNode gdpr = obligation(incident, "gdpr");
        assertThat(gdpr.path("authority").asString()).isEqualTo("Autoriteit Persoonsgegevens");
        assertThat(stage(gdpr, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
        assertThat(stage(gdpr, "data-subjects").path("status").asString()).isEqualTo("not-started");
        assertThat(officer.get("/api/v1/incidents/" + incident + "/compliance")
                        .json()
                        .path("obligations")
                        .size())
                .as("NIS2 applies to the entity, but nothing made the incident significant")
                .isEqualTo(1);
        String id = gdpr.path("id").asString();

        // the scans tell other tests' obligations too: what this one was told is counted by its own records
        scanner.scan(Instant.parse("2025-03-09T22:00:30Z"));
        assertThat(actions(id + "/supervisory-authority")).containsExactly("obligation.warned");
        scanner.scan(Instant.parse("2025-03-09T22:00:30Z"));
        assertThat(sent(id)).containsExactly("2025-03-08T22:00:00Z", "2025-03-09T22:00:00Z");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Instant anHourBefore = Instant.parse("2025-03-10T09:00:10Z");
            Future<Integer> one = nodes.submit(() -> scanner.scan(anHourBefore));
            Future<Integer> other = nodes.submit(() -> scanner.scan(anHourBefore));
            assertThat(one.get() + other.get()).isPositive();
        } finally {
            nodes.shutdown();
        }
        assertThat(actions(id + "/supervisory-authority")).containsExactly("obligation.warned", "obligation.warned");
        scanner.scan(Instant.parse("2025-03-10T10:00:01Z"));
        scanner.scan(Instant.parse("2025-03-11T10:00:00Z"));
        assertThat(sent(id))
                .containsExactly(
                        "2025-03-08T22:00:00Z", "2025-03-09T22:00:00Z", "2025-03-10T09:00:00Z", "2025-03-10T10:00:00Z");
        assertThat(actions(id + "/supervisory-authority"))
                .containsExactly("obligation.warned", "obligation.warned", "obligation.overdue");
        assertThat(inbox(officerUser, "obligation-warning", incident)).isEqualTo(2);
        assertThat(inbox(officerUser, "obligation-overdue", incident)).isEqualTo(1);
        assertThat(inbox(coordinatorUser, "obligation-overdue", incident)).isEqualTo(1);

        JsonNode overdue =
                coordinator.get("/api/v1/compliance/obligations?state=overdue").json();
        assertThat(overdue.toString()).contains(id);
        assertThat(officer.get("/api/v1/compliance/obligations?state=due-soon")
                        .json()
                        .toString())
                .doesNotContain(id);
    }

    @Test
    void aChangedDecisionClosesAndReopensTheStageWithTheOriginalAwareness() {
        String incident = breach("2025-03-07T10:00:00Z", "risk");
        String risk = "/api/v1/incidents/" + incident + "/compliance/decisions/gdpr-risk";
        officer.put(risk, body("result", "unlikely", "rationale", "encrypted after all", "version", 1));
        JsonNode closed = stage(obligation(incident, "gdpr"), "supervisory-authority");
        assertThat(closed.path("status").asString()).isEqualTo("closed-not-required");
        officer.put(risk, body("result", "high-risk", "rationale", "the key leaked too", "version", 2));
        JsonNode gdpr = obligation(incident, "gdpr");
        assertThat(stage(gdpr, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
        assertThat(stage(gdpr, "data-subjects").path("internalTarget").asBoolean())
                .isTrue();
        assertThat(actions(gdpr.path("id").asString())).startsWith("obligation.opened", "obligation.recomputed");
    }

    @Test
    void anIncidentWithoutABusinessUnitAmongSeveralEntitiesHasNoObligationUntilItIsPlacedInOne() {
        admin.post(
                "/api/v1/compliance/legal-entities",
                body(
                        "name", "Other " + s,
                        "jurisdictions", List.of("BE"),
                        "nis2", "not-in-scope",
                        "doraFinancialEntity", false,
                        "gdprRole", "processor",
                        "supervisoryAuthorityName", "GBA",
                        "supervisoryAuthorityContact", "https://www.gegevensbeschermingsautoriteit.be"));
        String id = coordinator
                .post("/api/v1/incidents", body("title", "Unplaced " + s, "description", "d"))
                .json()
                .path("id")
                .asString();
        officer.put(
                "/api/v1/incidents/" + id + "/compliance/facts/gdpr.awareness",
                body("at", "2025-03-07T10:00:00Z", "justification", "j", "version", 0));
        officer.put(
                "/api/v1/incidents/" + id + "/compliance/decisions/personal-data-breach",
                body("result", "yes", "rationale", "r", "version", 0));
        officer.put(
                "/api/v1/incidents/" + id + "/compliance/decisions/gdpr-risk",
                body("result", "risk", "rationale", "r", "version", 0));
        JsonNode view = officer.get("/api/v1/incidents/" + id + "/compliance").json();
        assertThat(view.path("obligations").size()).isZero();
        assertThat(view.path("legalEntitySource").asString()).isEqualTo("no-business-unit");

        long version = coordinator
                .get("/api/v1/incidents/" + id)
                .json()
                .path("version")
                .asLong();
        ApiClient.Answer placed =
                coordinator.post("/api/v1/incidents/" + id + "/assign", body("businessUnit", unit, "version", version));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
        JsonNode gdpr = obligation(id, "gdpr");
        assertThat(stage(gdpr, "supervisory-authority").path("dueAt").asString())
                .isEqualTo("2025-03-10T10:00:00Z");
    }

    @Test
    void anAdminSeesTheDeadlinesBeforeReBasingAndOnlyOneOfTwoReBasesWins() {
        String incident = breach("2025-03-07T10:00:00Z", "risk");
        String id = obligation(incident, "gdpr").path("id").asString();
        JsonNode preview =
                admin.get("/api/v1/compliance/obligations/" + id + "/rebase").json();
        assertThat(preview.path("fromVersion").asString()).isEqualTo("2016/679-2");
        assertThat(preview.path("stages").toString()).contains("2025-03-10T10:00:00Z");
        assertThat(coordinator
                        .get("/api/v1/compliance/obligations/" + id + "/rebase")
                        .status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/compliance/obligations/" + id + "/rebase", body("version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/compliance/obligations/" + id + "/rebase", body("version", 0))
                        .status())
                .isEqualTo(409);
        assertThat(actions(id)).contains("obligation.rebased");
    }

    @Test
    void onlyCoordinatorsAndPrivacyOfficersListObligationsAcrossIncidents() {
        assertThat(client(users.user("ob-rep-" + s, Set.of(Role.REPORTER)))
                        .get("/api/v1/compliance/obligations")
                        .status())
                .isEqualTo(403);
        assertThat(client(users.user("ob-hand-" + s, Set.of(Role.HANDLER)))
                        .get("/api/v1/compliance/obligations")
                        .status())
                .isEqualTo(403);
        ApiClient.Answer bad = officer.get("/api/v1/compliance/obligations?state=late");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("state");
    }

    private List<String> sent(String obligation) {
        return jdbc.sql("select warn_at from compliance_warning_sent where obligation_id = ?::uuid order by warn_at")
                .param(obligation)
                .query((row, n) -> row.getTimestamp("warn_at").toInstant().toString())
                .list();
    }

    private List<String> actions(String objectId) {
        return jdbc.sql("select action from audit_record where object_type = 'obligation' and object_id = ? "
                        + "order by seq")
                .param(objectId)
                .query(String.class)
                .list();
    }

    private long inbox(TestUser user, String template, String incident) {
        return jdbc.sql("select count(*) from notification_inbox where recipient_id = ? and template = ? "
                        + "and link like ?")
                .params(user.id().value(), template, "%" + incident + "%")
                .query(Long.class)
                .single();
    }
}
