package io.cairn.isms.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Schedules over HTTP: adding, revising, pausing, resuming and deleting; every refusal naming its field; roles. */
class ProcedureScheduleApiTest extends ApiClient.OnServer {

    private static final String SCHEDULES = "/api/v1/procedure-schedules";

    ApiClient admin;
    ApiClient coordinator;
    ApiClient handler;
    ApiClient reporter;
    ApiClient resolver;
    String s;
    String typeId;
    String approver;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("scadmin-" + s, Set.of(Role.ADMIN)));
        coordinator = client(users.userNamed("sccoord-" + s, Set.of(Role.COORDINATOR)));
        handler = client(users.userNamed("schandler-" + s, Set.of(Role.HANDLER)));
        reporter = client(users.userNamed("screp-" + s, Set.of(Role.REPORTER)));
        resolver = client(users.userNamed("scres-" + s, Set.of(Role.RESOLVER)));
        approver = users.userNamed("scappr-" + s, Set.of(Role.HANDLER)).username();
        typeId = admin.post("/api/v1/procedure-types", type("access-review-" + s))
                .json()
                .path("id")
                .asString();
    }

    static Map<String, Object> type(String key) {
        return Map.of(
                "key",
                key,
                "name",
                "Access review " + key,
                "form",
                List.of(
                        Map.of("key", "scope", "label", "Scope", "kind", "text", "required", true),
                        Map.of("key", "reviewer", "label", "Reviewer", "kind", "user", "required", false),
                        Map.of("key", "deadline", "label", "Deadline", "kind", "date", "required", false),
                        Map.of(
                                "key",
                                "level",
                                "label",
                                "Level",
                                "kind",
                                "choice",
                                "required",
                                false,
                                "options",
                                List.of("low", "high"))),
                "phases",
                List.of(Map.of("key", "review", "name", "Review")),
                "steps",
                List.of(Map.of(
                        "phase",
                        "review",
                        "title",
                        "Review the access",
                        "kind",
                        "task",
                        "mandatory",
                        true,
                        "due",
                        "P5D",
                        "controls",
                        List.of("5.18"))),
                "due",
                "P10D");
    }

    private Map<String, Object> schedule(String name, String rule) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("procedureType", typeId);
        body.put("owner", approver);
        body.put("values", Map.of("scope", "All admin accounts", "reviewer", approver, "level", "high"));
        body.put("recurrence", rule);
        body.put("firstDay", "2027-01-01");
        body.put("time", "09:00");
        body.put("zone", "Europe/Amsterdam");
        return body;
    }

    private static String problem(ApiClient.Answer answer, String field) {
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        return answer.body();
    }

    @Test
    void aCoordinatorAddsRevisesPausesResumesAndDeletesASchedule() {
        ApiClient.Answer added =
                coordinator.post(SCHEDULES, schedule("Quarterly access review " + s, "FREQ=MONTHLY;BYDAY=1MO"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().path("id").asString();
        assertThat(added.header("Location")).endsWith("/api/v1/procedure-schedules/" + id);
        assertThat(added.json().path("recurrenceInWords").asString()).isEqualTo("The first Monday of the month");
        assertThat(added.json().path("nextLocal").asString()).isEqualTo("2027-01-04 09:00");
        assertThat(added.json().path("nextAt").asString()).isEqualTo("2027-01-04T08:00:00Z");
        assertThat(handler.get(SCHEDULES + "/" + id).json().path("owner").asString())
                .isEqualTo(approver);

        ApiClient.Answer revised = coordinator.put(
                SCHEDULES + "/" + id + "?version=0",
                schedule("Quarterly access review " + s, SchedulePreset.QUARTERLY.rule(1, java.time.DayOfWeek.MONDAY)));
        ApiClient.Answer stale = admin.put(SCHEDULES + "/" + id + "?version=0", schedule("Late " + s, "FREQ=YEARLY"));
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().path("recurrenceInWords").asString())
                .isEqualTo("Every quarter, on the first working day");
        assertThat(stale.status()).isEqualTo(409);

        ApiClient.Answer paused = coordinator.post(SCHEDULES + "/" + id + "/pause?version=1", Map.of());
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().path("active").asBoolean()).isFalse();
        assertThat(paused.json().path("nextAt").isNull()).isTrue();
        assertThat(coordinator
                        .post(SCHEDULES + "/" + id + "/pause?version=2", Map.of())
                        .status())
                .isEqualTo(409);
        ApiClient.Answer resumed = admin.post(SCHEDULES + "/" + id + "/resume?version=2", Map.of());
        assertThat(resumed.json().path("active").asBoolean()).as(resumed.body()).isTrue();
        assertThat(resumed.json().path("nextLocal").asString()).isEqualTo("2027-01-01 09:00");

        assertThat(coordinator.get(SCHEDULES + "/" + id + "/occurrences").json())
                .isEmpty();
        assertThat(coordinator.delete(SCHEDULES + "/" + id + "?version=3").status())
                .isEqualTo(204);
        assertThat(coordinator.get(SCHEDULES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void aScheduleThatFiredIsPausedNotDeleted() {
        String id = coordinator
                .post(SCHEDULES, schedule("Fired " + s, "FREQ=WEEKLY;BYDAY=MO"))
                .json()
                .path("id")
                .asString();
        context.getBean(JdbcClient.class)
                .sql(
                        "insert into isms_schedule_occurrence (schedule_id, occurs_at, outcome, run_reference, recorded_at)"
                                + " values (?::uuid, now(), 'started', 'RUN-1', now())")
                .param(id)
                .update();

        ApiClient.Answer refused = coordinator.delete(SCHEDULES + "/" + id + "?version=0");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("pause it instead");
        assertThat(coordinator
                        .get(SCHEDULES + "/" + id + "/occurrences")
                        .json()
                        .get(0)
                        .path("run")
                        .asString())
                .isEqualTo("RUN-1");
    }

    @Test
    void refusesEveryBadFieldByNameAndStoresNothing() {
        Map<String, Object> bad = schedule("", "FREQ=WEEKLY");
        bad.put("owner", "nobody-" + s);
        bad.put("values", Map.of("colour", "blue", "reviewer", "ghost-" + s, "deadline", "next week", "level", "x"));
        bad.put("time", "9am");
        bad.put("zone", "Mars/Olympus");
        bad.put("calendar", "no such calendar " + s);
        bad.put("nonWorkingDay", "whenever");

        ApiClient.Answer refused = coordinator.post(SCHEDULES, bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields())
                .containsExactlyInAnyOrder(
                        "name",
                        "owner",
                        "values.colour",
                        "values.scope",
                        "values.reviewer",
                        "values.deadline",
                        "values.level",
                        "time",
                        "zone",
                        "nonWorkingDay",
                        "calendar");
        assertThat(problem(refused, "zone")).contains("'Mars/Olympus' is not a time zone");
        assertThat(problem(refused, "values.level")).contains("'x' is not one of low, high");
        assertThat(coordinator.get(SCHEDULES).body()).doesNotContain("ghost-" + s);
    }

    @Test
    void refusesRulesThatNeverFireOrDoNotParseNamingTheRecurrence() {
        Map<String, String> rules = Map.of(
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31", "never fires",
                "FREQ=SOMETIMES", "is not an RFC 5545 recurrence rule: Unknown FREQ value SOMETIMES",
                "FREQ=MINUTELY", "more often than daily",
                "FREQ=WEEKLY;COUNT=0", "COUNT must be at least 1",
                "FREQ=WEEKLY;UNTIL=20261231T000000Z", "UNTIL 2026-12-31 lies before the first day 2027-01-01");
        rules.forEach((rule, reason) -> {
            ApiClient.Answer refused = coordinator.post(SCHEDULES, schedule("Never " + s, rule));
            assertThat(refused.status()).as(rule).isEqualTo(400);
            assertThat(refused.problemFields()).as(rule).containsExactly("recurrence");
            assertThat(problem(refused, "recurrence")).as(rule).contains(reason);
        });
        assertThat(coordinator.get(SCHEDULES).body()).doesNotContain("Never " + s);
    }

    @Test
    void refusesARetiredProcedureType() {
        admin.post("/api/v1/procedure-types/" + typeId + "/retirement", Map.of("retired", true, "version", 0));

        ApiClient.Answer refused = coordinator.post(SCHEDULES, schedule("Retired " + s, "FREQ=WEEKLY"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields()).containsExactly("procedureType");
        assertThat(problem(refused, "procedureType")).contains("is retired");
    }

    @Test
    void previewsTheNextOccurrencesAcrossADaylightSavingChangeAndShortMonths() {
        Map<String, Object> daily = schedule("", "FREQ=DAILY");
        daily.put("firstDay", "2027-10-30");

        ApiClient.Answer preview = handler.post(SCHEDULES + "/preview?count=2", daily);
        ApiClient.Answer thirtyFirst = handler.post(SCHEDULES + "/preview", schedule("", "FREQ=MONTHLY;BYMONTHDAY=31"));
        ApiClient.Answer never =
                handler.post(SCHEDULES + "/preview", schedule("", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("occurrences").get(0).path("at").asString())
                .isEqualTo("2027-10-30T07:00:00Z");
        assertThat(preview.json().path("occurrences").get(1).path("at").asString())
                .isEqualTo("2027-10-31T08:00:00Z");
        assertThat(preview.json().path("occurrences").get(1).path("local").asString())
                .isEqualTo("2027-10-31 09:00");
        assertThat(thirtyFirst.json().path("skipsShortMonths").asBoolean()).isTrue();
        assertThat(thirtyFirst.json().path("occurrences").get(1).path("local").asString())
                .isEqualTo("2027-03-31 09:00");
        assertThat(never.status()).isEqualTo(400);
        assertThat(never.problemFields()).containsExactly("recurrence");
    }

    @Test
    void handlersReadSchedulesAndOnlyAdminsAndCoordinatorsChangeThem() {
        String id = admin.post(SCHEDULES, schedule("Roles " + s, "FREQ=WEEKLY"))
                .json()
                .path("id")
                .asString();

        assertThat(handler.get(SCHEDULES).status()).isEqualTo(200);
        assertThat(handler.get(SCHEDULES + "/" + id).status()).isEqualTo(200);
        assertThat(handler.post(SCHEDULES, schedule("Handler " + s, "FREQ=WEEKLY"))
                        .status())
                .isEqualTo(403);
        assertThat(handler.post(SCHEDULES + "/" + id + "/pause?version=0", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(handler.delete(SCHEDULES + "/" + id + "?version=0").status()).isEqualTo(403);
        for (ApiClient outsider : List.of(reporter, resolver)) {
            assertThat(outsider.get(SCHEDULES).status()).isEqualTo(403);
            assertThat(outsider.get(SCHEDULES + "/" + id).status()).isEqualTo(403);
            assertThat(outsider.get(SCHEDULES + "/" + id + "/occurrences").status())
                    .isEqualTo(403);
            assertThat(outsider.post(SCHEDULES + "/preview", schedule("", "FREQ=WEEKLY"))
                            .status())
                    .isEqualTo(403);
        }
    }
}
