package io.cairn.handling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Routing rules: the first matching rule gives a new incident its team and maybe an owner. Every rule here matches
 * on a business unit, device or template of its own, so that it never routes the incidents of other tests.
 */
class RoutingApiTest extends ApiClient.OnServer {

    ApiClient admin;
    ApiClient handler;
    BusinessUnitId unit;
    String s;
    final List<String> rules = new ArrayList<>();

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        unit = users.businessUnitNamed("rt-unit-" + s);
        admin = client(users.userNamed("rtadmin-" + s, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("rth-" + s, Set.of(Role.HANDLER)));
    }

    @AfterEach
    void removeRules() {
        rules.forEach(id -> admin.delete("/api/v1/routing-rules/" + id));
    }

    private String rule(Map<String, Object> body) {
        ApiClient.Answer added = admin.post("/api/v1/routing-rules", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String id = added.json().get("id").asString();
        rules.add(id);
        return id;
    }

    private Map<String, Object> ruleFor(String name, TeamId team, String strategy) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + "-" + s);
        body.put("businessUnit", unit.toString());
        body.put("team", team.toString());
        body.put("ownerStrategy", strategy);
        return body;
    }

    private JsonNode report(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Routed " + s, "description", "d"));
        body.putAll(extra);
        ApiClient.Answer reported = handler.post("/api/v1/incidents", body);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return handler.get("/api/v1/incidents/" + reported.json().get("id").asString())
                .json();
    }

    private JsonNode reportInUnit() {
        return report(Map.of(
                "businessUnit", unit.toString(), "category", Map.of("rsitClass", "fraud", "rsitType", "phishing")));
    }

    @Test
    void theFirstMatchingRuleWinsAndTheOrderCanBeChanged() {
        TeamId first = users.teamNamed("rt-first-" + s);
        TeamId second = users.teamNamed("rt-second-" + s);
        rule(ruleFor("broad", first, "NONE"));
        Map<String, Object> narrow = ruleFor("narrow", second, "NONE");
        narrow.put("rsitClass", "fraud");
        narrow.put("rsitType", "phishing");
        String narrowId = rule(narrow);

        assertThat(reportInUnit().get("team").asString()).isEqualTo(first.toString());

        admin.post("/api/v1/routing-rules/" + narrowId + "/move", Map.of("direction", "up"));
        JsonNode routed = reportInUnit();
        assertThat(routed.get("team").asString()).isEqualTo(second.toString());
        assertThat(handler.get("/api/v1/incidents/" + routed.get("id").asString() + "/timeline")
                        .body())
                .contains("\"routingRule\":\"narrow-" + s + "\"");
        assertThat(report(Map.of()).get("team").asString())
                .as("no rule of this test matches: the shipped one does")
                .isEqualTo(securityTeam());
    }

    private String securityTeam() {
        return handler.get("/api/v1/teams")
                .json()
                .valueStream()
                .filter(team -> team.get("name").asString().equals("Security"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    @Test
    void aNewInstanceRoutesWhatNoOtherRuleRoutesToItsSecurityTeamAndNewRulesComeBeforeThat() {
        List<JsonNode> shipped = new ArrayList<>();
        admin.get("/api/v1/routing-rules").json().forEach(shipped::add);
        JsonNode catchAll = shipped.get(shipped.size() - 1);
        assertThat(catchAll.get("name").asString()).isEqualTo("Everything else to the security team");
        assertThat(catchAll.get("team").asString()).isEqualTo(securityTeam());
        assertThat(catchAll.get("rsitClass").isNull()
                        && catchAll.get("template").isNull()
                        && catchAll.get("businessUnit").isNull()
                        && catchAll.get("asset").isNull())
                .isTrue();

        TeamId team = users.teamNamed("rt-before-" + s);
        String added = rule(ruleFor("before", team, "NONE"));

        List<String> order = new ArrayList<>();
        admin.get("/api/v1/routing-rules")
                .json()
                .forEach(rule -> order.add(rule.get("id").asString()));
        assertThat(order.get(order.size() - 1))
                .as("the catch-all stays last")
                .isEqualTo(catchAll.get("id").asString());
        assertThat(order.get(order.size() - 2)).isEqualTo(added);
        assertThat(reportInUnit().get("team").asString()).isEqualTo(team.toString());
        assertThat(report(Map.of()).get("team").asString()).isEqualTo(securityTeam());
    }

    @Test
    void roundRobinGivesEachOfThreeMembersATurn() {
        TeamId team = users.teamNamed("rt-rr-" + s);
        List<TestUser> members = List.of(
                users.userNamed("rra-" + s, Set.of(Role.HANDLER), team),
                users.userNamed("rrb-" + s, Set.of(Role.HANDLER), team),
                users.userNamed("rrc-" + s, Set.of(Role.HANDLER), team));
        rule(ruleFor("rr", team, "ROUND_ROBIN"));

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode routed = reportInUnit();
            assertThat(routed.get("team").asString()).isEqualTo(team.toString());
            owners.add(routed.get("owner").asString());
        }
        List<String> ids = members.stream().map(m -> m.id().toString()).toList();
        assertThat(owners).containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(0), ids.get(1), ids.get(2));
    }

    @Test
    void concurrentReportsTakeTurnsWithoutTwoGettingTheSameTurn() throws Exception {
        TeamId team = users.teamNamed("rt-cc-" + s);
        List<String> ids = List.of(
                        users.userNamed("cca-" + s, Set.of(Role.HANDLER), team),
                        users.userNamed("ccb-" + s, Set.of(Role.HANDLER), team),
                        users.userNamed("ccc-" + s, Set.of(Role.HANDLER), team))
                .stream()
                .map(m -> m.id().toString())
                .toList();
        rule(ruleFor("concurrent", team, "ROUND_ROBIN"));

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> owners = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                owners.add(pool.submit(() -> reportInUnit().get("owner").asString()));
            }
            Map<String, Integer> turns = new HashMap<>();
            for (java.util.concurrent.Future<String> owner : owners) {
                turns.merge(owner.get(), 1, Integer::sum);
            }
            assertThat(turns)
                    .containsOnlyKeys(ids)
                    .allSatisfy((owner, count) -> assertThat(count).isEqualTo(3));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void leastLoadedGivesTheIncidentToTheMemberWithFewestOpenIncidents() {
        TeamId team = users.teamNamed("rt-ll-" + s);
        TestUser busy = users.userNamed("lla-" + s, Set.of(Role.HANDLER), team);
        TestUser some = users.userNamed("llb-" + s, Set.of(Role.HANDLER), team);
        TestUser free = users.userNamed("llc-" + s, Set.of(Role.HANDLER), team);
        report(Map.of("owner", busy.id().toString()));
        report(Map.of("owner", busy.id().toString()));
        report(Map.of("owner", some.id().toString()));
        rule(ruleFor("ll", team, "LEAST_LOADED"));

        assertThat(reportInUnit().get("owner").asString()).isEqualTo(free.id().toString());
        assertThat(reportInUnit().get("owner").asString()).isEqualTo(some.id().toString());
        assertThat(reportInUnit().get("owner").asString()).isEqualTo(free.id().toString());
    }

    @Test
    void aPortalReportIsRoutedByItsTemplate() {
        String key = "rt-tpl-" + s;
        Map<String, Object> content = Map.of(
                "title", Map.of("en", "Badge lost", "nl", "Pas kwijt"),
                "summary", Map.of("en", "A lost access badge", "nl", "Een verloren toegangspas"),
                "defaults",
                        Map.of(
                                "category",
                                Map.of("rsitClass", "intrusions", "rsitType", "burglary"),
                                "impact",
                                "low",
                                "urgency",
                                "medium",
                                "confidential",
                                false),
                "questions",
                        List.of(Map.of(
                                "key",
                                "where",
                                "kind",
                                "text",
                                "required",
                                true,
                                "label",
                                Map.of("en", "Where?", "nl", "Waar?"))),
                "tips", List.of(Map.of("en", "Tell reception.", "nl", "Meld het bij de receptie.")));
        assertThat(admin.post("/api/v1/report-templates", Map.of("key", key, "content", content))
                        .status())
                .isEqualTo(201);
        TeamId facilities = users.teamNamed("rt-fac-" + s);
        TestUser keeper = users.userNamed("rtk-" + s, Set.of(Role.HANDLER), facilities);
        Map<String, Object> body = new HashMap<>(
                Map.of("name", "badges-" + s, "template", key, "team", "rt-fac-" + s, "ownerStrategy", "ROUND_ROBIN"));
        rule(body);
        ApiClient reporter = client(users.userNamed("rtr-" + s, Set.of(Role.REPORTER)));

        ApiClient.Answer receipt =
                reporter.post("/api/v1/reports", Map.of("template", key, "answers", Map.of("where", "Main entrance")));

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        JsonNode incident = handler.get(
                        "/api/v1/incidents/" + receipt.json().get("incident").asString())
                .json();
        assertThat(incident.get("team").asString()).isEqualTo(facilities.toString());
        assertThat(incident.get("owner").asString()).isEqualTo(keeper.id().toString());
        admin.post("/api/v1/report-templates/" + key + "/retirement", Map.of("retired", true, "version", 0));
    }

    @Test
    void aRuleOnADeviceRoutesIncidentsAboutIt() {
        TeamId it = users.teamNamed("rt-it-" + s);
        String device = admin.post(
                        "/api/v1/devices", Map.of("name", "Router", "kind", "laptop", "identifier", "RT-" + s))
                .json()
                .get("id")
                .asString();
        rule(Map.of("name", "device-" + s, "asset", device, "team", it.toString()));

        assertThat(report(Map.of("asset", device)).get("team").asString()).isEqualTo(it.toString());
    }

    @Test
    void onlyAdminsEditRulesAndBadRulesAreRefusedNamingTheField() {
        TeamId team = users.teamNamed("rt-sec-" + s);
        assertThat(handler.post("/api/v1/routing-rules", ruleFor("mine", team, "NONE"))
                        .status())
                .isEqualTo(403);
        assertThat(handler.get("/api/v1/routing-rules").status()).isEqualTo(200);
        assertThat(client(users.userNamed("rtrep-" + s, Set.of(Role.REPORTER)))
                        .get("/api/v1/routing-rules")
                        .status())
                .isEqualTo(403);

        assertThat(field(Map.of("name", "x-" + s, "team", "no-such-team-" + s))).isEqualTo("team");
        assertThat(field(Map.of(
                        "name",
                        "x-" + s,
                        "team",
                        team.toString(),
                        "businessUnit",
                        java.util.UUID.randomUUID().toString())))
                .isEqualTo("businessUnit");
        assertThat(field(Map.of("name", "x-" + s, "team", team.toString(), "rsitType", "phishing")))
                .isEqualTo("rsitType");
        assertThat(field(Map.of("name", "x-" + s, "team", team.toString(), "rsitClass", "nonsense")))
                .isEqualTo("rsitClass");
        assertThat(field(Map.of("name", "x-" + s, "team", team.toString(), "template", "Not a key!")))
                .isEqualTo("template");
        assertThat(field(Map.of("name", "x-" + s, "team", team.toString(), "asset", "laptop")))
                .isEqualTo("asset");
        assertThat(field(Map.of("name", " ", "team", team.toString(), "businessUnit", unit.toString())))
                .isEqualTo("name");

        String id = rule(ruleFor("edited", team, "NONE"));
        Map<String, Object> change = ruleFor("edited", team, "LEAST_LOADED");
        change.put("version", 0);
        assertThat(admin.put("/api/v1/routing-rules/" + id, change)
                        .json()
                        .get("ownerStrategy")
                        .asString())
                .isEqualTo("LEAST_LOADED");
        assertThat(admin.put("/api/v1/routing-rules/" + id, change).status()).isEqualTo(409);
        assertThat(handler.delete("/api/v1/routing-rules/" + id).status()).isEqualTo(403);
    }

    private String field(Map<String, Object> body) {
        ApiClient.Answer refused = admin.post("/api/v1/routing-rules", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        return refused.json().get("errors").get(0).get("field").asString();
    }
}
