package io.cairn.isms.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's evidence of a control over HTTP: runs made through the API, one of them late, one started before the
 * period and one of a procedure without the control; the late one is an exception in the JSON, the CSV and the PDF,
 * the other two are not there; only auditors, coordinators and admins read it, and bad input is named by its field.
 */
class ControlEvidenceApiTest extends ApiClient.OnServer {

    String s;
    TestUsers.TestUser requesterUser;
    TestUsers.TestUser managerUser;
    ApiClient requester;
    ApiClient manager;
    ApiClient auditor;
    String type;
    String otherType;
    String period;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        TeamId it = users.teamNamed("IT-ce-" + s);
        ApiClient admin = client(users.userNamed("ceadmin-" + s, Set.of(Role.ADMIN)));
        requesterUser = users.userNamed("cereq-" + s, Set.of(Role.REPORTER));
        requester = client(requesterUser);
        managerUser = users.userNamed("ceman-" + s, Set.of(Role.REPORTER));
        manager = client(managerUser);
        auditor = client(users.userNamed("ceaud-" + s, Set.of(Role.AUDITOR)));
        type = created(admin.post("/api/v1/procedure-types", definition("leaver-" + s, it, "5.18")));
        otherType = created(admin.post("/api/v1/procedure-types", definition("patch-" + s, it, "8.8")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        period = "&from=" + today.minusDays(2) + "&to=" + today.plusDays(2);
    }

    /** A schedule of the type that missed its occurrence an hour ago (as after downtime), written as the scanner does. */
    private void missedOccurrence(String ofType, String name) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        java.util.UUID schedule = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into isms_schedule (id, name, procedure_type, owner_id, form_values, recurrence, first_day,
                  time_of_day, zone, calendar_id, non_working_day, active, next_at, updated_at, updated_by, version)
                values (?, ?, ?, ?, '{}'::jsonb, 'FREQ=WEEKLY', current_date - 30, '09:00', 'UTC', null,
                  'next-working-day', true, now() + interval '6 days', now(), 'test', 0)""")
                .params(
                        schedule,
                        name,
                        java.util.UUID.fromString(ofType),
                        requesterUser.id().value())
                .update();
        jdbc.sql("""
                insert into isms_schedule_occurrence (schedule_id, occurs_at, outcome, run_reference, reason, recorded_at)
                values (?, now() - interval '1 hour', 'missed', null, 'the server was down', now())""").params(schedule).update();
    }

    private static String created(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private static Map<String, Object> definition(String key, TeamId it, String control) {
        return Map.of(
                "key",
                key,
                "name",
                "Leaver " + key,
                "form",
                List.of(
                        Map.of("key", "end", "label", "Last day", "kind", "date", "required", true),
                        Map.of("key", "manager", "label", "Manager", "kind", "user", "required", true)),
                "phases",
                List.of(Map.of("key", "approval", "name", "Approval"), Map.of("key", "revocation", "name", "Revoke")),
                "steps",
                List.of(
                        Map.of(
                                "phase",
                                "approval",
                                "title",
                                "Approve",
                                "kind",
                                "approval",
                                "mandatory",
                                true,
                                "approver",
                                "manager",
                                "due",
                                "P1D",
                                "controls",
                                List.of("5.15")),
                        Map.of(
                                "phase",
                                "revocation",
                                "title",
                                "Disable the accounts",
                                "kind",
                                "task",
                                "mandatory",
                                true,
                                "team",
                                it.toString(),
                                "due",
                                "P1D",
                                "dueFrom",
                                "end",
                                "controls",
                                List.of(control))),
                "due",
                "P1D",
                "dueFrom",
                "end");
    }

    /** A run of the type started by the requester, approved by the manager and completed; its reference. */
    private String completedRun(String ofType, String lastDay) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureType", ofType);
        body.put("values", Map.of("end", lastDay, "manager", managerUser.username()));
        JsonNode run = requester.post("/api/v1/procedure-runs", body).json();
        String id = run.path("id").asString();
        JsonNode approval = step(run, "Approve");
        ApiClient.Answer approved = manager.post(
                "/api/v1/procedure-steps/" + approval.path("id").asString() + "/decision",
                Map.of(
                        "approved",
                        true,
                        "note",
                        "fine",
                        "version",
                        approval.path("version").asLong()));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode moved = advance(id);
        JsonNode disable = step(moved, "Disable the accounts");
        ApiClient.Answer done = requester.post(
                "/api/v1/procedure-steps/" + disable.path("id").asString() + "/complete",
                Map.of(
                        "note",
                        "=HYPERLINK(\"x\") disabled",
                        "version",
                        disable.path("version").asLong()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(advance(id).path("state").asString()).isEqualTo("completed");
        return run.path("reference").asString();
    }

    private JsonNode advance(String id) {
        long version = requester
                .get("/api/v1/procedure-runs/" + id)
                .json()
                .path("version")
                .asLong();
        ApiClient.Answer moved =
                requester.post("/api/v1/procedure-runs/" + id + "/advance", Map.of("version", version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved.json();
    }

    private static JsonNode step(JsonNode run, String title) {
        for (JsonNode phase : run.path("phases")) {
            for (JsonNode step : phase.path("steps")) {
                if (step.path("work").path("title").asString().equals(title)) {
                    return step.path("work");
                }
            }
        }
        throw new AssertionError("no step " + title + " in " + run);
    }

    private static List<String> references(JsonNode evidence) {
        List<String> found = new ArrayList<>();
        evidence.path("runs").forEach(run -> found.add(run.path("reference").asString()));
        return found;
    }

    @Test
    void anExportForAPeriodWithALateRunShowsItAsAnExceptionInJsonCsvAndPdf() throws IOException {
        String late = completedRun(type, "2020-01-01");
        String onTime =
                completedRun(type, LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        String before =
                completedRun(type, LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        String withoutControl = completedRun(otherType, "2020-01-01");
        context.getBean(JdbcClient.class)
                .sql("update isms_procedure_run set started_at = started_at - interval '400 days' where number = ?")
                .param(Long.parseLong(before.substring("PRC-".length())))
                .update();
        missedOccurrence(type, "Leavers of the week " + s);
        String query = "?control=A.5.18" + period + "&procedureType=" + type;

        ApiClient.Answer json = auditor.get("/api/v1/control-evidence" + query);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        JsonNode evidence = json.json();
        assertThat(evidence.path("control").asString()).isEqualTo("5.18");
        assertThat(references(evidence)).containsExactly(late, onTime);
        assertThat(evidence.path("summary").path("runs").asLong()).isEqualTo(2);
        assertThat(evidence.path("summary").path("onTime").asLong()).isEqualTo(1);
        assertThat(evidence.path("summary").path("withExceptions").asLong()).isEqualTo(1);
        List<String> kinds = new ArrayList<>();
        evidence.path("exceptions")
                .forEach(exception -> kinds.add(exception.path("reference").asString() + " "
                        + exception.path("kind").asString()));
        assertThat(kinds).containsExactly(late + " late", late + " late", " missed");
        assertThat(evidence.path("exceptions").get(2).path("reason").asString())
                .contains("Leavers of the week " + s, "started no run", "the server was down");
        assertThat(evidence.path("summary").path("exceptions").toString()).contains("\"kind\":\"missed\",\"count\":1");
        JsonNode timeline = evidence.path("runs").get(0).path("steps");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).path("kind").asString()).isEqualTo("approval");
        assertThat(timeline.get(0).path("by").asString()).isNotBlank();
        assertThat(timeline.get(0).path("byRequester").asBoolean()).isFalse();
        assertThat(timeline.get(1).path("evidences").asBoolean()).isTrue();
        assertThat(references(auditor.get("/api/v1/control-evidence?control=5.18" + period)
                        .json()))
                .contains(late, onTime)
                .doesNotContain(before, withoutControl);
        String calendar =
                auditor.get("/api/v1/sla/calendars").json().get(0).path("id").asString();
        JsonNode within = auditor.get("/api/v1/control-evidence" + query + "&withinWorkingDays=1&calendar=" + calendar)
                .json()
                .path("summary")
                .path("within");
        // both were completed minutes after they started
        assertThat(within.path("workingDays").asInt()).isEqualTo(1);
        assertThat(within.path("met").asLong()).isEqualTo(2);
        assertThat(within.path("notMet").asLong()).isZero();

        ApiClient.Answer csv = auditor.get("/api/v1/control-evidence.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).extracting(row -> row.get("reference")).containsExactly(late, late, onTime, onTime, "");
        assertThat(rows.get(4).get("state")).isEqualTo("not-started");
        assertThat(rows.get(4).get("runExceptions")).startsWith("missed: ");
        assertThat(rows.get(0).get("runExceptions")).startsWith("late: ");
        assertThat(rows.get(1).get("stepExceptions")).startsWith("late: ");
        assertThat(rows.get(1).get("note")).startsWith("'=HYPERLINK");
        assertThat(rows.get(2).get("runExceptions")).isEmpty();

        ApiClient.Bytes pdf = auditor.bytes("/api/v1/control-evidence.pdf" + query, Map.of("Accept-Language", "nl"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Bewijs van beheersmaatregel A.5.18", "Uitzonderingen", late, onTime, "Te laat");
            assertThat(text.indexOf("Te laat")).isLessThan(text.lastIndexOf(onTime));
            assertThat(text).doesNotContain(before);
        }

        Integer audited = context.getBean(JdbcClient.class)
                .sql(
                        "select count(*) from audit_record where action = 'control-evidence.read-csv' and object_id like ?")
                .param("5.18 %")
                .query(Integer.class)
                .single();
        assertThat(audited).isPositive();
    }

    @Test
    void onlyAuditorsCoordinatorsAndAdminsReadTheEvidence() {
        String query = "?control=5.18" + period;
        for (Role role : Role.values()) {
            ApiClient reader = client(users.userNamed("ce-" + role.name().toLowerCase() + "-" + s, Set.of(role)));
            boolean allowed = Set.of(Role.AUDITOR, Role.COORDINATOR, Role.ADMIN).contains(role);
            for (String path : List.of("/api/v1/control-evidence", "/api/v1/control-evidence.csv")) {
                assertThat(reader.get(path + query).status())
                        .as(role + " " + path)
                        .isEqualTo(allowed ? 200 : 403);
            }
        }
    }

    @Test
    void badInputIsRefusedNamingItsFieldAndNothingIsWritten() {
        String calendar =
                auditor.get("/api/v1/sla/calendars").json().get(0).path("id").asString();
        Map<String, String> wrong = Map.of(
                "?control=9.99" + period,
                "control",
                "?from=2026-01-01&to=2026-03-31",
                "control",
                "?control=5.18&to=2026-03-31",
                "from",
                "?control=5.18&from=2026-01-01&to=31-03-2026",
                "to",
                "?control=5.18&from=2026-04-01&to=2026-03-31",
                "to",
                "?control=5.18&from=2020-01-01&to=2026-03-31",
                "to",
                "?control=5.18" + period + "&procedureType=nonsense",
                "procedureType",
                "?control=5.18" + period + "&withinWorkingDays=one&calendar=" + calendar,
                "withinWorkingDays",
                "?control=5.18" + period + "&withinWorkingDays=1&calendar=" + UUID.randomUUID(),
                "calendar");
        wrong.forEach((query, field) -> {
            for (String path : List.of(
                    "/api/v1/control-evidence", "/api/v1/control-evidence.csv", "/api/v1/control-evidence.pdf")) {
                ApiClient.Answer refused = auditor.get(path + query);
                assertThat(refused.status()).as(path + query).isEqualTo(400);
                List<String> fields = new ArrayList<>();
                refused.json()
                        .path("errors")
                        .forEach(error -> fields.add(error.path("field").asString()));
                assertThat(fields).as(path + query).containsExactly(field);
            }
        });
    }
}
