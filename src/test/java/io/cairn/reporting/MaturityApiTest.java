package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The maturity view over the hand-computed data set of {@link MetricsApiTest}, as it stood at the end of 2025-03-31
 * (the window from 2024-04-01): the indicators worked out by hand in the comments, the level rising as records are
 * kept and the data improves and falling when a record is withdrawn, and the records kept only by admins, with their
 * evidence and the version they replace.
 */
class MaturityApiTest extends ApiClient.OnServer {

    static final String AT = "?at=2025-03-31";

    @Autowired
    JdbcClient jdbc;

    ApiClient coordinator;
    ApiClient admin;
    BusinessUnitId unit;
    TeamId team;
    MetricsDataSet data;

    @BeforeEach
    void writeTheDataSet() {
        String run = Long.toString(System.nanoTime(), 36);
        coordinator = client(users.user("maturity-coordinator-" + run, Set.of(Role.COORDINATOR)));
        admin = client(users.user("maturity-admin-" + run, Set.of(Role.ADMIN)));
        unit = users.businessUnit("maturity-unit-" + run);
        team = users.team("maturity-team-" + run);
        data = new MetricsDataSet(jdbc, unit, team);
        data.write();
        jdbc.sql("delete from reporting_maturity_record").update();
    }

    @AfterEach
    void removeTheDataSet() {
        data.remove();
        jdbc.sql("delete from reporting_maturity_record").update();
    }

    @Test
    void eachIndicatorIsComputedOverTheWindowThatEndedOnTheDay() {
        JsonNode view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(view.get("from").asString()).isEqualTo("2024-04-01");
        assertThat(view.get("to").asString()).isEqualTo("2025-03-31");
        // A, B, C, D, E and F were reported in the window; G is merged into A and not counted.
        assertThat(value(view, "incidents-logged")).isEqualTo(6.0);
        // All six were reported more than 30 days before 2025-04-01; A, B, F closed and D dismissed: 4 of 6.
        assertThat(value(view, "tracked-to-closure")).isEqualTo(66.7);
        assertThat(value(view, "open-closed-by-unit")).isEqualTo(100.0);
        // Not dismissed: A, B, C, E, F; acknowledged: all but E, 4 of 5.
        assertThat(value(view, "prioritised-by-urgency")).isEqualTo(80.0);
        assertThat(value(view, "units-contributing")).isEqualTo(1.0);
        // Past triage: A, B, C, F, each with its detection source.
        assertThat(value(view, "detection-source-recorded")).isEqualTo(100.0);
        // With a source: A, B, C, E, F; automated: A and E, 2 of 5.
        assertThat(value(view, "system-identified")).isEqualTo(40.0);
        // Serious: A (P1), C (P2), E (critical); closed: A, 1 of 3; A's review was completed after the day: none has
        // a root cause yet, and no incident with a root cause recurs.
        assertThat(value(view, "serious-resolved")).isEqualTo(33.3);
        assertThat(value(view, "serious-root-cause")).isEqualTo(0.0);
        assertThat(value(view, "recurrence-eliminated")).isNull();
        assertThat(value(view, "historical-review")).isNull();
        // Decided clocks: A's response (met), A's resolution (breached), B's response (met), C's response
        // (breached): 2 of 4.
        assertThat(value(view, "sla-met")).isEqualTo(50.0);
        assertThat(practice(view, "playbooks").get("value").asDouble()).isPositive();
        assertThat(practice(view, "sla-met").get("metric").asString()).isEqualTo("sla");
        assertThat(practice(view, "sla-met").get("target").asDouble()).isEqualTo(90.0);
        assertThat(practice(view, "sla-met").get("comparison").asString()).isEqualTo("at-least");
    }

    @Test
    void theLevelRisesWithRecordsAndBetterDataAndFallsWhenARecordIsWithdrawn() {
        JsonNode view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(view.get("level").asInt()).isZero();
        assertThat(missing(view)).containsExactly("prioritisation-policy", "staff-awareness");

        ok(admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "Policy IM-01 on the intranet")));
        JsonNode awareness = ok(admin.put(
                practicePath("staff-awareness"),
                Map.of("evidence", "Awareness sessions 2025", "validUntil", "2099-12-31")));
        view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(view.get("level").asInt()).isEqualTo(1);
        assertThat(missing(view)).containsExactly("tracked-to-closure");

        // C closed on 2025-03-10: 5 of 6 tracked to closure.
        jdbc.sql("update incident set status = 'CLOSED', closed_at = '2025-03-10T00:00:00Z' where id = ?")
                .param(data.id("C"))
                .update();
        view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(view.get("level").asInt()).isEqualTo(2);
        assertThat(missing(view))
                .containsExactly(
                        "prioritised-by-urgency", "units-contributing", "historical-review", "handler-training");

        // E acknowledged (5 of 5 prioritised), F from a second business unit, A's review (completed after the day)
        // completed on 2025-03-20 instead, 12 days before the window's end, and the handlers' training recorded.
        jdbc.sql("update incident set acknowledged_at = '2025-03-01T01:00:00Z' where id = ?")
                .param(data.id("E"))
                .update();
        jdbc.sql("update incident set business_unit_id = ? where id = ?")
                .params(
                        users.businessUnit("maturity-second-" + System.nanoTime())
                                .value(),
                        data.id("F"))
                .update();
        jdbc.sql("update incident_review set completed_at = '2025-03-20T00:00:00Z' where incident_id = ?")
                .param(data.id("A"))
                .update();
        ok(admin.put(practicePath("handler-training"), Map.of("evidence", "Course IR-2 attendance list")));
        view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(value(view, "historical-review")).isEqualTo(12.0);
        assertThat(value(view, "units-contributing")).isEqualTo(2.0);
        assertThat(view.get("level").asInt()).isEqualTo(3);
        // A has a root cause now: 1 of 3 serious; it recurs nowhere (0 of 1).
        assertThat(value(view, "serious-root-cause")).isEqualTo(33.3);
        assertThat(value(view, "recurrence-eliminated")).isEqualTo(0.0);
        assertThat(missing(view)).containsExactly("serious-root-cause", "serious-resolved", "sla-met");
        assertThat(domainLevel(view, "people")).isEqualTo(3);
        assertThat(domainLevel(view, "prediction")).isZero();

        assertThat(admin.delete(practicePath("staff-awareness") + "?version="
                                + awareness.get("version").asLong())
                        .status())
                .isEqualTo(204);
        view = coordinator.get("/api/v1/maturity" + AT).json();
        assertThat(view.get("level").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where action like 'maturity-practice.%' "
                                + "and object_id = 'staff-awareness'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRecordLapsesAfterItsLastDay() {
        ok(admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "Policy IM-01")));
        jdbc.sql("update reporting_maturity_record set valid_until = ? where practice = 'prioritisation-policy'")
                .param(java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(1)))
                .update();
        JsonNode view = coordinator.get("/api/v1/maturity").json();
        assertThat(practice(view, "prioritisation-policy").get("met").asBoolean())
                .isFalse();
        assertThat(practice(view, "prioritisation-policy")
                        .get("record")
                        .get("evidence")
                        .asString())
                .isEqualTo("Policy IM-01");
    }

    @Test
    void onlyAdminsKeepRecordsWithEvidenceAndTheVersionTheyReplace() {
        assertThat(coordinator
                        .put(practicePath("prioritisation-policy"), Map.of("evidence", "x"))
                        .status())
                .isEqualTo(403);
        assertRefused(admin.put(practicePath("tracked-to-closure"), Map.of("evidence", "x")), 400, "practice");
        assertThat(admin.put(practicePath("no-such-practice"), Map.of("evidence", "x"))
                        .status())
                .isEqualTo(404);
        assertRefused(admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "  ")), 400, "evidence");
        assertRefused(
                admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "x".repeat(2_001))),
                400,
                "evidence");
        assertRefused(
                admin.put(
                        practicePath("prioritisation-policy"),
                        Map.of(
                                "evidence",
                                "x",
                                "validUntil",
                                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())),
                400,
                "validUntil");
        assertRefused(
                admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "x", "version", 3)),
                409,
                "version");
        assertThat(jdbc.sql("select count(*) from reporting_maturity_record")
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode first = ok(admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "Policy v1")));
        assertThat(first.get("version").asLong()).isZero();
        assertRefused(
                admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "Policy v2")), 400, "version");
        assertRefused(
                admin.put(practicePath("prioritisation-policy"), Map.of("evidence", "Policy v2", "version", 7)),
                409,
                "version");
        JsonNode second = ok(admin.put(
                practicePath("prioritisation-policy"),
                Map.of("evidence", "Policy v2", "note", "Revised", "version", 0)));
        assertThat(second.get("version").asLong()).isEqualTo(1);
        assertThat(second.get("note").asString()).isEqualTo("Revised");
        assertRefused(admin.delete(practicePath("prioritisation-policy") + "?version=0"), 409, "version");
        assertRefused(admin.delete(practicePath("prioritisation-policy")), 400, "version");
        assertThat(jdbc.sql("select evidence from reporting_maturity_record")
                        .query(String.class)
                        .single())
                .isEqualTo("Policy v2");
    }

    @Test
    void theViewIsForThoseWhoReadMetricsAndItsDayMustBeAPastDay() {
        String run = Long.toString(System.nanoTime(), 36);
        ApiClient handler = client(users.user("maturity-handler-" + run, Set.of(Role.HANDLER), team));
        assertThat(handler.get("/api/v1/maturity").status()).isEqualTo(403);
        ApiClient auditor = client(users.user("maturity-auditor-" + run, Set.of(Role.AUDITOR)));
        assertThat(auditor.get("/api/v1/maturity").status()).isEqualTo(200);
        assertRefused(coordinator.get("/api/v1/maturity?at=2025-02-30"), 400, "at");
        assertRefused(
                coordinator.get(
                        "/api/v1/maturity?at=" + LocalDate.now(ZoneOffset.UTC).plusDays(2)),
                400,
                "at");
    }

    private static String practicePath(String practice) {
        return "/api/v1/maturity/practices/" + practice;
    }

    private static JsonNode practice(JsonNode view, String key) {
        for (JsonNode level : view.get("levels")) {
            for (JsonNode practice : level.get("practices")) {
                if (practice.get("key").asString().equals(key)) {
                    return practice;
                }
            }
        }
        throw new AssertionError("no practice " + key + " in " + view);
    }

    private static Double value(JsonNode view, String key) {
        JsonNode value = practice(view, key).get("value");
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static List<String> missing(JsonNode view) {
        List<String> keys = new ArrayList<>();
        view.get("missing").forEach(practice -> keys.add(practice.get("key").asString()));
        return keys;
    }

    private static int domainLevel(JsonNode view, String domain) {
        for (JsonNode node : view.get("domains")) {
            if (node.get("domain").asString().equals(domain)) {
                return node.get("level").asInt();
            }
        }
        throw new AssertionError("no domain " + domain);
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static void assertRefused(ApiClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.body()).as(answer.toString()).contains("\"" + field + "\"");
    }
}
