package io.cairn.isms.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The scanner fires schedules at chosen moments ({@code scan(Instant)}) on the running server, with the runs module
 * starting the runs: the right occurrences across a month end and a daylight-saving change, each once however often
 * it scans, a capped catch-up after downtime, the reason an occurrence could not start, and the occurrences that fell
 * while it was paused.
 */
class ScheduleScannerTest extends ApiClient.OnServer {

    private static final String SCHEDULES = "/api/v1/procedure-schedules";

    ApiClient admin;
    ApiClient coordinator;
    String owner;
    String type;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("ssadmin-" + s, Set.of(Role.ADMIN)));
        coordinator = client(users.userNamed("sscoord-" + s, Set.of(Role.COORDINATOR)));
        owner = users.userNamed("ssowner-" + s, Set.of(Role.HANDLER)).username();
        ApiClient.Answer added = admin.post("/api/v1/procedure-types", ProcedureScheduleApiTest.type("scanned-" + s));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        type = added.json().path("id").asString();
    }

    private String schedule(String rule, String firstDay) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Scanned " + s);
        body.put("procedureType", type);
        body.put("owner", owner);
        body.put("values", Map.of("scope", "Servers"));
        body.put("recurrence", rule);
        body.put("firstDay", firstDay);
        body.put("time", "09:00");
        body.put("zone", "Europe/Amsterdam");
        ApiClient.Answer added = coordinator.post(SCHEDULES, body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    private ScheduleScanReport scan(String at) {
        return context.getBean(ScheduleScanner.class).scan(Instant.parse(at));
    }

    /** The occurrences of the schedule that started runs, as the runs record them. */
    private List<Instant> runs(String schedule) {
        return context.getBean(JdbcClient.class)
                .sql("select occurrence from isms_procedure_run where schedule_id = ?::uuid order by occurrence")
                .param(schedule)
                .query((row, n) -> row.getTimestamp("occurrence").toInstant())
                .list();
    }

    private List<JsonNode> history(String schedule) {
        List<JsonNode> entries = new ArrayList<>();
        coordinator.get(SCHEDULES + "/" + schedule + "/occurrences").json().forEach(entries::add);
        return entries;
    }

    @Test
    void startsTheRunsOfExactlyTheDueOccurrencesAcrossAMonthEndAndTheSpringChangeOnceEach() {
        String daily = schedule("FREQ=DAILY", "2027-03-26");

        scan("2027-03-28T07:30:00Z");
        scan("2027-03-28T07:30:00Z");
        assertThat(runs(daily))
                .containsExactly(
                        Instant.parse("2027-03-26T08:00:00Z"),
                        Instant.parse("2027-03-27T08:00:00Z"),
                        Instant.parse("2027-03-28T07:00:00Z"));

        scan("2027-04-01T06:59:00Z");
        scan("2027-04-01T07:00:00Z");
        scan("2027-04-01T07:00:00Z");

        assertThat(runs(daily))
                .containsExactly(
                        Instant.parse("2027-03-26T08:00:00Z"),
                        Instant.parse("2027-03-27T08:00:00Z"),
                        Instant.parse("2027-03-28T07:00:00Z"),
                        Instant.parse("2027-03-29T07:00:00Z"),
                        Instant.parse("2027-03-30T07:00:00Z"),
                        Instant.parse("2027-03-31T07:00:00Z"),
                        Instant.parse("2027-04-01T07:00:00Z"));
        List<JsonNode> history = history(daily);
        assertThat(history).hasSize(7).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("started");
            assertThat(entry.path("run").asString()).startsWith("PRC-");
        });
        JsonNode read = coordinator.get(SCHEDULES + "/" + daily).json();
        assertThat(read.path("nextLocal").asString()).isEqualTo("2027-04-02 09:00");
        assertThat(read.path("fired").asBoolean()).isTrue();
        assertThat(coordinator.delete(SCHEDULES + "/" + daily + "?version=0").status())
                .isEqualTo(409);
    }

    @Test
    void startsTheFirstMondaysOfTheMonthAcrossTheAutumnChangeAndAYearEnd() {
        String firstMonday = schedule("FREQ=MONTHLY;BYDAY=1MO", "2027-10-01");

        scan("2028-01-03T12:00:00Z");

        assertThat(runs(firstMonday))
                .containsExactly(
                        Instant.parse("2027-10-04T07:00:00Z"),
                        Instant.parse("2027-11-01T08:00:00Z"),
                        Instant.parse("2027-12-06T08:00:00Z"),
                        Instant.parse("2028-01-03T08:00:00Z"));
    }

    @Test
    void afterDowntimeStartsTheLatestTwelveLateAndRecordsTheEarlierOnesAsMissed() {
        String daily = schedule("FREQ=DAILY", "2027-05-01");

        scan("2027-05-20T12:00:00Z");

        assertThat(runs(daily)).hasSize(12).first().isEqualTo(Instant.parse("2027-05-09T07:00:00Z"));
        List<JsonNode> history = history(daily);
        assertThat(history).hasSize(20);
        assertThat(history.stream()
                        .filter(entry -> entry.path("outcome").asString().equals("missed")))
                .hasSize(8)
                .allSatisfy(entry -> assertThat(entry.path("reason").asString()).contains("only the latest 12"));
    }

    @Test
    void recordsTheOccurrencesWhileItWasPausedWhenItResumesInTheReadersLanguage() {
        String daily =
                schedule("FREQ=DAILY", java.time.LocalDate.now().minusDays(10).toString());
        assertThat(coordinator
                        .post(SCHEDULES + "/" + daily + "/pause?version=0", Map.of())
                        .status())
                .isEqualTo(200);
        // paused three days before its next occurrence came: the test moves that occurrence three days back
        context.getBean(JdbcClient.class)
                .sql("update isms_schedule set next_at = next_at - interval '3 days' where id = ?::uuid")
                .param(daily)
                .update();

        assertThat(coordinator
                        .post(SCHEDULES + "/" + daily + "/resume?version=1", Map.of())
                        .status())
                .isEqualTo(200);

        List<JsonNode> history = history(daily);
        assertThat(history).hasSizeBetween(2, 3).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("paused");
            assertThat(entry.path("reason").asString()).isEqualTo("The schedule was paused");
        });
        assertThat(runs(daily)).isEmpty();
        String dutch = new String(
                coordinator
                        .bytes(SCHEDULES + "/" + daily + "/occurrences", Map.of("Accept-Language", "nl"))
                        .body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dutch).contains("De planning was gepauzeerd");
    }

    @Test
    void recordsWhyAnOccurrenceCouldNotStartWhenItsTypeWasRetired() {
        String weekly = schedule("FREQ=WEEKLY;BYDAY=MO", "2027-06-01");
        ApiClient.Answer retired =
                admin.post("/api/v1/procedure-types/" + type + "/retirement", Map.of("retired", true, "version", 0));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);

        scan("2027-06-08T12:00:00Z");

        assertThat(runs(weekly)).isEmpty();
        assertThat(history(weekly)).hasSize(1).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("not-started");
            assertThat(entry.path("reason").asString()).contains("retired");
        });
    }
}
