package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The risk register through the API: registering, the verbs, the list's filters, who may do what, bad input. */
class RiskApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    String suffix;
    TestUser ownerUser;
    ApiClient coordinator;
    ApiClient auditor;
    ApiClient handler;
    BusinessUnitId unit;

    @BeforeEach
    void signIn() {
        suffix = Long.toString(System.nanoTime(), 36);
        ownerUser = users.userNamed("risk-owner-" + suffix, Set.of(Role.COORDINATOR));
        coordinator = client(ownerUser);
        auditor = client(users.userNamed("auditor-" + suffix, Set.of(Role.AUDITOR)));
        handler = client(users.userNamed("handler-" + suffix, Set.of(Role.HANDLER)));
        unit = users.businessUnit("risk-unit-" + suffix);
    }

    private Map<String, Object> newRisk(String title, String likelihood, String impact, LocalDate target) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "What could happen " + suffix);
        body.put("businessUnit", unit.toString());
        body.put("owner", ownerUser.id().toString());
        body.put("treatment", "Offline backups, tested monthly");
        body.put("mitigationTargetAt", target.toString());
        body.put("likelihood", likelihood);
        body.put("impact", impact);
        return body;
    }

    private JsonNode register(Map<String, Object> body) {
        ApiClient.Answer answer = coordinator.post("/api/v1/risks", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String field(ApiClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aRegisteredRiskHasItsSeverityFromTheMatrixAndIsAnticipated() {
        JsonNode risk = register(newRisk("Ransomware " + suffix, "likely", "major", today().plusDays(30)));

        assertThat(risk.get("severity").asString()).isEqualTo("high");
        assertThat(risk.get("status").asString()).isEqualTo("anticipated");
        assertThat(risk.get("overdue").asBoolean()).isFalse();
        assertThat(risk.get("businessUnit").asString()).isEqualTo(unit.toString());
        assertThat(risk.get("ownerName").asString()).isNotBlank();
        assertThat(auditor.get("/api/v1/risks/" + risk.get("id").asString()).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and action = 'risk.registered'")
                        .param(risk.get("id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aRiskWhoseTargetDateHasPassedIsOverdueAtOnceAndFoundByTheOverdueFilter() {
        JsonNode late = register(newRisk("Late " + suffix, "possible", "minor", today().minusDays(1)));
        register(newRisk("On time " + suffix, "possible", "minor", today()));

        assertThat(late.get("overdue").asBoolean()).isTrue();
        JsonNode page = coordinator
                .get("/api/v1/risks?overdue=true&businessUnit=" + unit + "&size=200")
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("risks").get(0).get("id").asString())
                .isEqualTo(late.get("id").asString());
    }

    @Test
    void theListFiltersBySeverityStatusAndOwnerAndSortsBySeverity() {
        register(newRisk("Low " + suffix, "rare", "negligible", today().plusDays(5)));
        register(newRisk("Critical " + suffix, "almost-certain", "severe", today().plusDays(5)));
        register(newRisk("Medium " + suffix, "possible", "moderate", today().plusDays(5)));
        String mine = "&businessUnit=" + unit + "&owner=" + ownerUser.id();

        JsonNode bySeverity =
                coordinator.get("/api/v1/risks?sort=-severity" + mine).json();
        assertThat(bySeverity
                        .get("risks")
                        .valueStream()
                        .map(r -> r.get("severity").asString()))
                .containsExactly("critical", "medium", "low");
        JsonNode critical =
                coordinator.get("/api/v1/risks?severity=critical" + mine).json();
        assertThat(critical.get("total").asLong()).isEqualTo(1);
        JsonNode closed = coordinator.get("/api/v1/risks?status=closed" + mine).json();
        assertThat(closed.get("total").asLong()).isZero();
        JsonNode paged =
                coordinator.get("/api/v1/risks?sort=title&size=2&page=1" + mine).json();
        assertThat(paged.get("risks")).hasSize(1);
        assertThat(paged.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aRiskMaterializesClosesForAReasonAndReopens() {
        JsonNode risk = register(newRisk("Phishing " + suffix, "likely", "moderate", today().plusDays(10)));
        String path = "/api/v1/risks/" + risk.get("id").asString();

        JsonNode materialized =
                coordinator.post(path + "/materialize", Map.of("version", 0)).json();
        assertThat(materialized.get("status").asString()).isEqualTo("materialized");
        assertThat(field(coordinator.post(path + "/close", Map.of("reason", "gone", "version", 1)), 400))
                .isEqualTo("reason");
        JsonNode closed = coordinator
                .post(path + "/close", Map.of("reason", "mitigated", "version", 1))
                .json();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("closureReason").asString()).isEqualTo("mitigated");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("resolutionMinutes").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(coordinator
                        .post(path + "/close", Map.of("reason", "accepted", "version", 2))
                        .status())
                .isEqualTo(409);
        JsonNode reopened =
                coordinator.post(path + "/reopen", Map.of("version", 2)).json();
        assertThat(reopened.get("status").asString()).isEqualTo("materialized");
        assertThat(reopened.get("closedAt").isNull()).isTrue();
    }

    @Test
    void assessingAgainLooksTheSeveritiesUpAndAStaleVersionLoses() {
        JsonNode risk = register(newRisk("Outage " + suffix, "unlikely", "minor", today().plusDays(10)));
        String path = "/api/v1/risks/" + risk.get("id").asString() + "/assessment";
        Map<String, Object> assessment = Map.of(
                "likelihood", "almost-certain",
                "impact", "severe",
                "residualLikelihood", "rare",
                "residualImpact", "minor",
                "version", 0);

        JsonNode assessed = coordinator.post(path, assessment).json();
        assertThat(assessed.get("severity").asString()).isEqualTo("critical");
        assertThat(assessed.get("residualSeverity").asString()).isEqualTo("low");
        assertThat(coordinator.post(path, assessment).status()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Map<String, Object> unknownLevel = newRisk("Bad " + suffix, "sometimes", "minor", today());
        Map<String, Object> noTitle = newRisk(" ", "rare", "minor", today());
        Map<String, Object> halfResidual = newRisk("Half " + suffix, "rare", "minor", today());
        halfResidual.put("residualLikelihood", "rare");
        Map<String, Object> noOwner = newRisk("Ownerless " + suffix, "rare", "minor", today());
        noOwner.remove("owner");

        assertThat(field(coordinator.post("/api/v1/risks", unknownLevel), 400)).isEqualTo("likelihood");
        assertThat(field(coordinator.post("/api/v1/risks", noTitle), 400)).isEqualTo("title");
        assertThat(field(coordinator.post("/api/v1/risks", halfResidual), 400)).isEqualTo("residualImpact");
        assertThat(field(coordinator.post("/api/v1/risks", noOwner), 400)).isEqualTo("owner");
        assertThat(field(coordinator.get("/api/v1/risks?status=open"), 400)).isEqualTo("status");
        assertThat(field(coordinator.get("/api/v1/risks?severity=extreme"), 400))
                .isEqualTo("severity");
        assertThat(field(coordinator.get("/api/v1/risks?sort=colour"), 400)).isEqualTo("sort");
        assertThat(field(coordinator.get("/api/v1/risks?size=0"), 400)).isEqualTo("size");
    }

    @Test
    void auditorsReadButDoNotChangeAndHandlersDoNeither() {
        JsonNode risk = register(newRisk("Insider " + suffix, "rare", "major", today().plusDays(3)));
        String path = "/api/v1/risks/" + risk.get("id").asString();

        assertThat(auditor.get("/api/v1/risks").status()).isEqualTo(200);
        assertThat(auditor.post(path + "/materialize", Map.of("version", 0)).status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/v1/risks", newRisk("Mine", "rare", "minor", today()))
                        .status())
                .isEqualTo(403);
        assertThat(handler.get("/api/v1/risks").status()).isEqualTo(403);
        assertThat(handler.get(path).status()).isEqualTo(403);
        assertThat(handler.post(path + "/materialize", Map.of("version", 0)).status())
                .isIn(403, 404);
        assertThat(coordinator.get(path).json().get("version").asLong()).isZero();
    }

    @Test
    void incidentsAndAssetsAreLinkedBothWaysAndOnlyThoseTheReaderMaySeeAreShown() {
        JsonNode risk = register(newRisk("Linked " + suffix, "likely", "major", today().plusDays(10)));
        String path = "/api/v1/risks/" + risk.get("id").asString();
        JsonNode incident = coordinator
                .post("/api/v1/incidents", Map.of("title", "Materialized " + suffix, "description", "it happened"))
                .json();
        ApiClient admin = client(users.userNamed("risk-admin-" + suffix, Set.of(Role.ADMIN, Role.COORDINATOR)));
        String service = admin.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Mail " + suffix,
                                "ownerTeam",
                                users.team("risk-team").toString(),
                                "criticality",
                                "high"))
                .json()
                .get("id")
                .asString();

        JsonNode linked = coordinator
                .post(
                        path + "/incidents",
                        Map.of("incident", incident.get("reference").asString()))
                .json();
        coordinator.post(path + "/assets", Map.of("kind", "service", "asset", service));

        assertThat(linked.get("incidents").get(0).get("id").asString())
                .isEqualTo(incident.get("id").asString());
        JsonNode risks = coordinator
                .get("/api/v1/incidents/" + incident.get("id").asString() + "/risks")
                .json();
        assertThat(risks.get(0).get("id").asString()).isEqualTo(risk.get("id").asString());
        assertThat(coordinator
                        .get(path + "/links")
                        .json()
                        .get("assets")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Mail " + suffix);
        assertThat(auditor.get(path + "/links").json().get("assets")).isEmpty();
        assertThat(coordinator
                        .delete(path + "/incidents/" + incident.get("id").asString())
                        .json()
                        .get("incidents"))
                .isEmpty();
        assertThat(coordinator
                        .delete(path + "/incidents/" + incident.get("id").asString())
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and action like 'risk.%-linked'")
                        .param(risk.get("id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void linkingAnIncidentTheCallerMayNotSeeIsRefusedAsNotFound() {
        JsonNode risk = register(newRisk("Hidden " + suffix, "rare", "minor", today().plusDays(10)));
        TestUser reporter = users.userNamed("risk-reporter-" + suffix, Set.of(Role.REPORTER));
        JsonNode incident = client(reporter)
                .post("/api/v1/incidents", Map.of("title", "Mine " + suffix, "description", "private"))
                .json();
        ApiClient adminOnly = client(users.userNamed("admin-only-" + suffix, Set.of(Role.ADMIN)));

        ApiClient.Answer answer = adminOnly.post(
                "/api/v1/risks/" + risk.get("id").asString() + "/incidents",
                Map.of("incident", incident.get("id").asString()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(field(
                        coordinator.post(
                                "/api/v1/risks/" + risk.get("id").asString() + "/assets",
                                Map.of(
                                        "kind",
                                        "printer",
                                        "asset",
                                        java.util.UUID.randomUUID().toString())),
                        400))
                .isEqualTo("kind");
    }

    @Test
    void theHeatMapCountsTheOpenRisksOfABusinessUnitPerCellCurrentAndResidual() {
        register(newRisk("One " + suffix, "likely", "major", today().plusDays(10)));
        Map<String, Object> withResidual = newRisk("Two " + suffix, "likely", "major", today().plusDays(10));
        withResidual.put("residualLikelihood", "rare");
        withResidual.put("residualImpact", "minor");
        register(withResidual);
        JsonNode closed = register(newRisk("Gone " + suffix, "rare", "negligible", today().plusDays(10)));
        coordinator.post(
                "/api/v1/risks/" + closed.get("id").asString() + "/close",
                Map.of("reason", "eliminated", "version", 0));

        JsonNode map =
                auditor.get("/api/v1/risks/heat-map?businessUnit=" + unit).json();

        assertThat(map.get("current").get(3).get(3).asLong()).isEqualTo(2);
        assertThat(map.get("current").get(0).get(0).asLong()).isZero();
        assertThat(map.get("residual").get(0).get(1).asLong()).isEqualTo(1);
        assertThat(map.get("severities").get(3).get(3).asString()).isEqualTo("high");
        assertThat(map.get("current")
                        .valueStream()
                        .flatMap(JsonNode::valueStream)
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(2);
        assertThat(handler.get("/api/v1/risks/heat-map").status()).isEqualTo(403);
    }

    @Test
    void theTrendCountsTheRisksOpenAtTheEndOfEachMonthPerSeverity() {
        register(newRisk("Open " + suffix, "likely", "major", today().plusDays(10)));
        JsonNode closed = register(newRisk("Closed " + suffix, "likely", "major", today().plusDays(10)));
        coordinator.post(
                "/api/v1/risks/" + closed.get("id").asString() + "/close",
                Map.of("reason", "transferred", "version", 0));
        java.time.YearMonth now = java.time.YearMonth.now(ZoneOffset.UTC);

        JsonNode trend = auditor.get(
                        "/api/v1/risks/trend?from=" + now.minusMonths(1) + "&to=" + now + "&businessUnit=" + unit)
                .json();

        assertThat(trend.get("months")).hasSize(2);
        assertThat(trend.get("months").get(0).get("counts").get("high").asLong())
                .isZero();
        assertThat(trend.get("months").get(1).get("month").asString()).isEqualTo(now.toString());
        assertThat(trend.get("months").get(1).get("counts").get("high").asLong())
                .isEqualTo(1);
        assertThat(trend.get("months").get(1).get("counts").get("critical").asLong())
                .isZero();
        assertThat(field(auditor.get("/api/v1/risks/trend?from=" + now + "&to=" + now.minusMonths(1)), 400))
                .isEqualTo("to");
    }
}
