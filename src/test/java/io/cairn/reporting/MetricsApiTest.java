package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The metrics over a small data set whose numbers are worked out by hand in the comments below (not by the code under
 * test): seven incidents of one business unit between December 2024 and March 2025, counted by month from January to
 * March 2025, through the API as JSON and as CSV. The incidents are written straight into the tables with the times
 * the figures need, and removed again after each test.
 */
class MetricsApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient coordinator;
    BusinessUnitId unit;
    TeamId team;
    MetricsDataSet data;

    @BeforeEach
    void writeTheDataSet() {
        String run = Long.toString(System.nanoTime(), 36);
        coordinator = client(users.user("metrics-coordinator-" + run, Set.of(Role.COORDINATOR)));
        unit = users.businessUnit("metrics-unit-" + run);
        team = users.team("metrics-team-" + run);
        data = new MetricsDataSet(jdbc, unit, team);
        data.write();
    }

    @AfterEach
    void removeTheDataSet() {
        data.remove();
    }

    private String query() {
        return "?from=2025-01-01&to=2025-03-31&period=month&businessUnit=" + unit;
    }

    @Test
    void volumeCountsOpenedClosedAndTheBacklogPerMonth() {
        // Backlog before January: F. January: A, B opened; F, A closed; backlog 1 + 2 - 2 = 1; of A and B, A was
        // closed by February. February: C, D opened; B, D closed; backlog 1; D closed by March. March: E; backlog 2.
        assertThat(rows("volume"))
                .containsExactly("2025-01-01|2|2|1|1|50.0", "2025-02-01|2|2|1|1|50.0", "2025-03-01|1|0|2|0|0.0");
    }

    @Test
    void durationsEndInThePeriodTheyEndIn() {
        List<String> rows = rows("durations");
        // detect: A 3,600 s (January), C 172,800 s (February), E 3,600 s (March); over all three: mean 60,000,
        // median 3,600, P90 at 0.9 x 2 = 1.8 between 3,600 and 172,800: 3,600 + 0.8 x 169,200 = 138,960.
        assertThat(rows)
                .contains(
                        "detect|2025-01-01|1|3600.0|3600.0|3600.0|3600.0",
                        "detect|2025-02-01|1|172800.0|172800.0|172800.0|172800.0",
                        "detect|all|3|60000.0|3600.0|138960.0|172800.0");
        // acknowledge: January A 1,800 and B 3,600 (P90 1,800 + 0.9 x 1,800 = 3,420); February C 600, D 3,600;
        // F's acknowledgement lies in December. All: 600, 1,800, 3,600, 3,600: mean 2,400, median 2,700, P90 3,600.
        assertThat(rows)
                .contains(
                        "acknowledge|2025-01-01|2|2700.0|2700.0|3420.0|3600.0",
                        "acknowledge|2025-02-01|2|2100.0|2100.0|3300.0|3600.0",
                        "acknowledge|2025-03-01|0||||",
                        "acknowledge|all|4|2400.0|2700.0|3600.0|3600.0");
        // respond, from detection into analysis: January A 7,200 and B 10,800 (P90 7,200 + 0.9 x 3,600 = 10,440);
        // February C 1,800. All: 1,800, 7,200, 10,800: mean 6,600, median 7,200, P90 at 1.8: 7,200 + 0.8 x 3,600.
        assertThat(rows)
                .contains(
                        "respond|2025-01-01|2|9000.0|9000.0|10440.0|10800.0",
                        "respond|2025-02-01|1|1800.0|1800.0|1800.0|1800.0",
                        "respond|2025-03-01|0||||",
                        "respond|all|3|6600.0|7200.0|10080.0|10800.0");
        // contain and recover: A only, from its detection: 4 h and 24 h; dwell: A only, from its occurrence to its
        // eradication, 12 h (C occurred but is not eradicated).
        assertThat(rows)
                .contains(
                        "contain|all|1|14400.0|14400.0|14400.0|14400.0",
                        "recover|all|1|86400.0|86400.0|86400.0|86400.0",
                        "dwell|2025-01-01|1|43200.0|43200.0|43200.0|43200.0",
                        "dwell|all|1|43200.0|43200.0|43200.0|43200.0");
        // close: closed (not dismissed) incidents: January A 172,800 and F 1,382,400 (P90 172,800 + 0.9 x 1,209,600
        // = 1,261,440); February B 1,382,400.
        assertThat(rows)
                .contains(
                        "close|2025-01-01|2|777600.0|777600.0|1261440.0|1382400.0",
                        "close|2025-02-01|1|1382400.0|1382400.0|1382400.0|1382400.0",
                        "close|all|3|979200.0|1382400.0|1382400.0|1382400.0");
    }

    @Test
    void theEconomicImpactSumsTheLatestRecordedCostsOfEachIncident() {
        // January: A's latest DORA classification (250,000, estimated; not its first, 1,000) and B's NIS2 direct loss
        // (12,000.50). February: C's NIS2 direct loss (5,000), its DORA classification naming no costs. F lies before
        // the period; D and E have none.
        assertThat(rows("impact"))
                .containsExactly(
                        "2025-01-01|2|1|262000.5|250000",
                        "2025-02-01|1|0|5000|5000",
                        "2025-03-01|0|0|0|",
                        "all|3|1|267000.5|250000");
    }

    @Test
    void costsAndLossesByCategoryCountTheLinesOfEachIncidentsLatestDoraClassification() {
        // D (February): a DORA classification of EUR 7,000 as a total only. E (March): expropriated funds 10,000 and
        // staff 2,500.25 (estimated), EUR 12,500.25 in all.
        data.decision("D", "dora-major", 1, "{\"economic-impact-eur\": " + MetricsDataSet.amount("7000") + "}");
        data.decision(
                "E",
                "dora-major",
                1,
                "{\"cost-expropriated-funds-eur\": " + MetricsDataSet.amount("10000") + ", \"cost-staff-eur\": "
                        + "{\"value\": 2500.25, \"estimate\": true, \"basis\": \"timesheets\"}, "
                        + "\"economic-impact-eur\": {\"value\": 12500.25, \"estimate\": true, \"basis\": \"sum\"}}");
        // A's latest classification (not its first, staff 1,000): staff 40,000, redress 150,000 estimated, advisory
        // 60,000, communication 0 (no amount). Staff: A 40,000 + E 2,500.25 = 42,500.25, E's estimated. B's NIS2 loss
        // and C's classification without costs count nowhere; F (replacement 999) lies before the period; D's total
        // without lines is unspecified.
        List<String> expected = List.of(
                "expropriated-funds|1|0|10000",
                "replacement|0|0|0",
                "staff|2|1|42500.25",
                "contractual-fees|0|0|0",
                "redress|1|1|150000",
                "forgone-revenue|0|0|0",
                "communication|0|0|0",
                "advisory|1|0|60000",
                "unspecified|1|0|7000");
        assertThat(rows("costs")).containsExactlyElementsOf(expected);
        ApiClient.Bytes csv = coordinator.bytes("/api/v1/metrics/costs.csv" + query(), Map.of());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("category,incidents,estimated,totalEur"),
                                expected.stream().map(row -> row.replace('|', ',')))
                        .toList());
        // Over February alone: D's total only.
        JsonNode february = coordinator
                .get("/api/v1/metrics/costs?from=2025-02-01&to=2025-02-28&businessUnit=" + unit)
                .json()
                .get("rows");
        assertThat(february.get(2).path("incidents").asLong()).isZero();
        assertThat(february.get(8).path("incidents").asLong()).isEqualTo(1);
        assertThat(february.get(8).path("totalEur").asString()).isEqualTo("7000");
    }

    @Test
    void aBreakdownCountsEachGroupLargestFirst() {
        // low: C and D opened, D closed, C open; critical: E opened and open; high: A opened and closed; medium: B
        // opened, B and F closed.
        assertThat(rows("breakdown", "&by=severity"))
                .containsExactly("low|low|2|1|1", "critical|critical|1|0|1", "high|high|1|1|0", "medium|medium|1|2|0");
    }

    @Test
    void aBreakdownByVerisActionCountsAnIncidentOnceInEachOfItsCategories() {
        // hacking: A (closed) and C (open) opened; unknown: E opened and open; error: B opened and closed; social: A
        // opened and closed; not described: D opened and closed, F closed.
        assertThat(rows("breakdown", "&by=veris-action"))
                .containsExactly(
                        "hacking|hacking|2|1|1",
                        "unknown|unknown|1|0|1",
                        "error|error|1|1|0",
                        "social|social|1|1|0",
                        "||1|2|0");
        // external: A opened and closed; not described: B, C, D, E opened, B, D, F closed, C and E open.
        assertThat(rows("breakdown", "&by=veris-actor")).containsExactly("||4|3|2", "external|external|1|1|0");
    }

    @Test
    void detectionSharesAndTimeToDetectPerSource() {
        // Reported in the period: A, E automated; B a person; C external; D unknown. Of five: 40 %, 20 %, 20 %, 20 %.
        assertThat(rows("detection"))
                .containsExactly(
                        "automated|2|40.0|2|3600.0|3600.0",
                        "external|1|20.0|1|172800.0|172800.0",
                        "internal_human|1|20.0|0||",
                        "unknown|1|20.0|0||",
                        "system-identified|2|40.0|||",
                        "manually-identified|2|40.0|||");
    }

    @Test
    void seriousIncidentsTheirResolutionAndRootCauses() {
        // January: A serious (P1, high), resolved by February, with a root cause; B not serious. February: C serious
        // (P2), open; D not. March: E serious (critical), new.
        assertThat(rows("seriousness"))
                .containsExactly(
                        "2025-01-01|2|1|50.0|1|100.0|1|50.0|100.0",
                        "2025-02-01|2|1|50.0|0|0.0|0|0.0|0.0",
                        "2025-03-01|1|1|100.0|0|0.0|0|0.0|0.0");
    }

    @Test
    void slaPerformancePerPriorityWithTheBreachesListed() {
        assertThat(rows("sla", "&by=priority"))
                .containsExactly(
                        "1|P1|1|1|100.0|0|1|0|0.0|1|0", "2|P2|1|0|0.0|1|0|0||0|0", "3|P3|1|1|100.0|0|0|0||0|1");
        JsonNode breaches =
                coordinator.get("/api/v1/metrics/sla-breaches" + query()).json().get("rows");
        assertThat(breaches).hasSize(3);
        assertThat(breaches.get(0).get("outcome").asString()).isEqualTo("breached");
        assertThat(breaches.get(0).get("clock").asString()).isEqualTo("response");
    }

    @Test
    void theBacklogByAgeAtThePeriodsEnd() {
        // On 1 April: C (57 days old, P2) and E (31 days, P3) are open.
        assertThat(rows("backlog-age"))
                .containsExactly("2|P2|0|0|0|1|0|1|2025-02-03T09:00:00Z", "3|P3|0|0|0|1|0|1|2025-03-01T00:00:00Z");
    }

    @Test
    void recurringIncidentsAndTheRootCausesStopped() {
        List<String> causes = jdbc.sql("select key from root_cause order by position limit 2")
                .query(String.class)
                .list();
        data.review("B", causes.get(0));
        data.review("F", causes.get(0));
        data.review("C", causes.get(1));
        jdbc.sql("""
                insert into corrective_action (id, incident_id, title, owner_id, due_on, status, done_at, created_at,
                  version)
                values (gen_random_uuid(), ?, 'Block macros', gen_random_uuid(), date '2025-01-31', 'done',
                  timestamptz '2025-01-25T00:00:00Z', now(), 0)""").param(data.id("B")).update();
        // January: A's cause was F's (December), B's was A's and F's: both recur. February: C's cause is new.
        assertThat(rows("recurrence"))
                .containsExactly("2025-01-01|2|2|2|100.0", "2025-02-01|2|1|0|0.0", "2025-03-01|1|0|0|0.0");
        // The first cause recurred before its action of 25 January and not in the six months after (to the end
        // of September): stopped. By the end of March, six months had not passed: not yet.
        String label = jdbc.sql("select label from root_cause where key = ?")
                .param(causes.get(0))
                .query(String.class)
                .single();
        assertThat(rows("root-causes")).startsWith(causes.get(0) + "|" + label + "|2|2|2025-01-25T00:00:00Z|0|false");
        ApiClient.Answer september =
                coordinator.get("/api/v1/metrics/root-causes?from=2025-01-01&to=2025-09-30" + "&businessUnit=" + unit);
        assertThat(september.json().get("rows").get(0).get("stopped").asBoolean())
                .isTrue();
        assertThat(september.json().get("rows").get(1).get("recurring").asLong())
                .isZero();
    }

    @Test
    void regulatoryTimelinessPerRegimeAndStage() {
        UUID gdpr = data.obligation("A", "gdpr");
        data.stage(gdpr, "authority", "2025-01-13T10:00:00Z", "2025-01-10T10:00:00Z");
        data.submission(gdpr, "authority", "2025-01-13T10:00:00Z", "2025-01-12T10:00:00Z", null);
        data.stage(gdpr, "data-subjects", "2025-01-15T00:00:00Z", "2025-01-10T10:00:00Z");
        data.submission(
                gdpr, "data-subjects", "2025-01-15T00:00:00Z", "2025-01-20T00:00:00Z", "waited for the processor");
        UUID nis2 = data.obligation("C", "nis2");
        data.stage(nis2, "early-warning", "2025-02-04T09:00:00Z", "2025-02-03T09:00:00Z");
        data.stage(nis2, "notification", "2025-02-06T09:00:00Z", "2025-02-03T09:00:00Z");
        data.stage(nis2, "final", "2025-04-30T09:00:00Z", "2025-02-03T09:00:00Z");
        // The authority was told a day early (lead 86,400 s); the people five days late (lead -432,000 s). On
        // 1 April the three NIS2 stages are open, the two whose deadline passed are overdue.
        assertThat(rows("regulatory"))
                .containsExactly(
                        "gdpr|authority|1|1|100.0|86400.0|0|0|0",
                        "gdpr|data-subjects|1|0|0.0|-432000.0|1|0|0",
                        "nis2|early-warning|0|0|||0|1|1",
                        "nis2|final|0|0|||0|1|0",
                        "nis2|notification|0|0|||0|1|1");
        assertThat(rows("late-submissions"))
                .containsExactly(data.reference("A") + "|gdpr|data-subjects|2025-01-15T00:00:00Z|2025-01-20T00:00:00Z|"
                        + "waited for the processor");
    }

    @Test
    void recomputingAPastPeriodGivesTheSameNumbersWhateverHappenedSince() {
        List<String> volume = rows("volume");
        List<String> durations = rows("durations");
        String run = Long.toString(System.nanoTime(), 36);
        ApiClient handler = client(users.user("metrics-later-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)));
        // a report of today in the same unit: it lies after the period, which stays as it was
        assertThat(handler.post(
                                "/api/v1/incidents",
                                Map.of(
                                        "title",
                                        "Reported today",
                                        "description",
                                        "after the period",
                                        "businessUnit",
                                        unit))
                        .status())
                .isEqualTo(201);
        assertThat(rows("volume")).isEqualTo(volume);
        assertThat(rows("durations")).isEqualTo(durations);
    }

    @Test
    void theCsvHoldsTheSameNumbersAsTheJson() {
        ApiClient.Bytes csv = coordinator.bytes("/api/v1/metrics/volume.csv" + query(), Map.of());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "period,opened,closed,backlog,closedOfOpened,closedShare",
                        "2025-01-01,2,2,1,1,50.0",
                        "2025-02-01,2,2,1,1,50.0",
                        "2025-03-01,1,0,2,0,0.0");
        ApiClient.Bytes byAccept = coordinator.bytes("/api/v1/metrics/volume" + query(), Map.of("Accept", "text/csv"));
        assertThat(byAccept.body()).isEqualTo(csv.body());
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertRefused("?from=2025-03-01&to=2025-01-01", 400, "to");
        assertRefused("?from=2025-02-30", 400, "from");
        assertRefused("?businessUnit=" + UUID.randomUUID(), 400, "businessUnit");
        assertRefused("?team=not-a-team", 400, "team");
        assertRefused("?severity=bad", 400, "severity");
        assertRefused("?category=nonsense/thing", 400, "category");
        assertRefused("?priority=P9", 400, "priority");
        assertRefused("?from=2000-01-01&to=2019-12-31&period=day", 400, "period");
        assertRefused("?colour=blue", 400, "colour");
        assertRefused("?team=" + team + "&team=" + team, 400, "team");
        assertThat(coordinator.get("/api/v1/metrics/no-such-metric").status()).isEqualTo(404);
    }

    @Test
    void handlersReadTheirOwnTeamsMetricsOnlyAndReportersNone() {
        String run = Long.toString(System.nanoTime(), 36);
        ApiClient handler = client(users.user("metrics-handler-" + run, Set.of(Role.HANDLER), team));
        assertThat(handler.get("/api/v1/metrics/volume").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/metrics/volume?team=" + users.team("other-" + run))
                        .status())
                .isEqualTo(403);
        assertThat(handler.get("/api/v1/metrics/backlog-age" + query() + "&team=" + team)
                        .json()
                        .get("rows"))
                .hasSize(2);
        ApiClient reporter = client(users.user("metrics-reporter-" + run, Set.of(Role.REPORTER)));
        assertThat(reporter.get("/api/v1/metrics/volume").status()).isEqualTo(403);
        ApiClient auditor = client(users.user("metrics-auditor-" + run, Set.of(Role.AUDITOR)));
        assertThat(auditor.get("/api/v1/metrics/volume" + query()).status()).isEqualTo(200);
    }

    private void assertRefused(String parameters, int status, String field) {
        ApiClient.Answer answer = coordinator.get("/api/v1/metrics/volume" + parameters);
        assertThat(answer.status()).as(parameters).isEqualTo(status);
        assertThat(answer.body()).as(parameters).contains("\"" + field + "\"");
    }

    private List<String> rows(String metric) {
        return rows(metric, "");
    }

    /** The rows of the metric, each as its values joined by '|', a null as nothing. */
    private List<String> rows(String metric, String more) {
        ApiClient.Answer answer = coordinator.get("/api/v1/metrics/" + metric + query() + more);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> columns = new ArrayList<>();
        answer.json().get("columns").forEach(column -> columns.add(column.asString()));
        List<String> rows = new ArrayList<>();
        answer.json()
                .get("rows")
                .forEach(row -> rows.add(String.join(
                        "|",
                        columns.stream()
                                .map(column -> row.get(column).isNull()
                                        ? ""
                                        : row.get(column).asString())
                                .toList())));
        return rows;
    }
}
