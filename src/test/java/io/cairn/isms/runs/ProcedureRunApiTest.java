package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs over HTTP: started from a form, routed to the approver and the team, gated phase by phase, decided by someone
 * other than the requester, and seen by each person only as far as they may.
 */
class ProcedureRunApiTest extends ApiClient.OnServer {

    String s;
    TeamId it;
    TestUsers.TestUser requesterUser;
    TestUsers.TestUser managerUser;
    ApiClient admin;
    ApiClient requester;
    ApiClient manager;
    ApiClient itMember;
    ApiClient otherResolver;
    String type;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        it = users.teamNamed("IT-" + s);
        TeamId facilities = users.teamNamed("Facilities-" + s);
        admin = client(users.userNamed("pradmin-" + s, Set.of(Role.ADMIN)));
        requesterUser = users.userNamed("prreq-" + s, Set.of(Role.REPORTER));
        requester = client(requesterUser);
        managerUser = users.userNamed("prman-" + s, Set.of(Role.REPORTER));
        manager = client(managerUser);
        itMember = client(users.userNamed("prit-" + s, Set.of(Role.RESOLVER), it));
        otherResolver = client(users.userNamed("prfac-" + s, Set.of(Role.RESOLVER), facilities));
        ApiClient.Answer added = admin.post("/api/v1/procedure-types", definition());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        type = added.json().path("id").asString();
    }

    private Map<String, Object> definition() {
        return Map.of(
                "key",
                "contractor-" + s,
                "name",
                "Contractor leaves " + s,
                "form",
                List.of(
                        Map.of("key", "contractor", "label", "Contractor", "kind", "text", "required", true),
                        Map.of("key", "end", "label", "End of contract", "kind", "date", "required", true),
                        Map.of("key", "manager", "label", "Manager", "kind", "user", "required", true),
                        Map.of("key", "secret", "label", "Circumstances", "kind", "long-text", "required", false)),
                "phases",
                List.of(
                        Map.of("key", "approval", "name", "Approval"),
                        Map.of("key", "revocation", "name", "Revocation")),
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
                                List.of("6.5")),
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
                                "fields",
                                List.of("contractor", "end"),
                                "controls",
                                List.of("5.18"))),
                "due",
                "P2D",
                "dueFrom",
                "end");
    }

    private ApiClient.Answer start(ApiClient who, Map<String, String> values) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureType", type);
        body.put("values", values);
        return who.post("/api/v1/procedure-runs", body);
    }

    private Map<String, String> values(String managerName) {
        return Map.of("contractor", "J. Jansen", "end", "2026-12-31", "manager", managerName, "secret", "dismissed");
    }

    /** The step of the run with this title, as the API shows it. */
    static JsonNode stepTitled(JsonNode run, String title) {
        for (JsonNode phase : run.path("phases")) {
            for (JsonNode step : phase.path("steps")) {
                if (step.path("work").path("title").asString().equals(title)) {
                    return step.path("work");
                }
            }
        }
        throw new AssertionError("no step " + title + " in " + run);
    }

    private static List<String> titles(ApiClient.Answer steps) {
        List<String> titles = new ArrayList<>();
        steps.json().forEach(step -> titles.add(step.path("title").asString()));
        return titles;
    }

    @Test
    void aRunIsRoutedGatedApprovedBySomeoneElseAndCompleted() {
        ApiClient.Answer started = start(requester, values(managerUser.username()));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonNode run = started.json();
        String id = run.path("id").asString();
        assertThat(run.path("reference").asString()).startsWith("PRC-");
        assertThat(run.path("phase").asString()).isEqualTo("approval");
        JsonNode approval = stepTitled(run, "Approve");

        assertThat(titles(manager.get("/api/v1/procedure-steps"))).contains("Approve");
        assertThat(titles(itMember.get("/api/v1/procedure-steps"))).doesNotContain("Disable the accounts");

        ApiClient.Answer blocked = requester.post(
                "/api/v1/procedure-runs/" + id + "/advance",
                Map.of("version", run.path("version").asLong()));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().path("detail").asString()).contains("Approve");

        ApiClient.Answer ownApproval = requester.post(
                "/api/v1/procedure-steps/" + approval.path("id").asString() + "/decision",
                Map.of("approved", true, "version", approval.path("version").asLong()));
        assertThat(ownApproval.status()).isEqualTo(403);

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
        assertThat(approved.json().path("state").asString()).isEqualTo("approved");

        JsonNode afterApproval = requester.get("/api/v1/procedure-runs/" + id).json();
        JsonNode moved = requester
                .post(
                        "/api/v1/procedure-runs/" + id + "/advance",
                        Map.of("version", afterApproval.path("version").asLong()))
                .json();
        assertThat(moved.path("phase").asString()).isEqualTo("revocation");

        ApiClient.Answer itSteps = itMember.get("/api/v1/procedure-steps");
        assertThat(titles(itSteps)).contains("Disable the accounts");
        JsonNode disable = null;
        for (JsonNode step : itSteps.json()) {
            if (step.path("run").asString().equals(id)) {
                disable = step;
            }
        }
        assertThat(disable).isNotNull();
        List<String> shared = new ArrayList<>();
        disable.path("shared").forEach(value -> shared.add(value.path("key").asString()));
        assertThat(shared).containsExactly("contractor", "end");
        assertThat(disable.toString()).doesNotContain("dismissed").doesNotContain(managerUser.username());
        assertThat(disable.path("dueAt").asString()).isEqualTo("2027-01-01T00:00:00Z");

        String disableId = disable.path("id").asString();
        assertThat(itMember.get("/api/v1/procedure-runs/" + id).status()).isEqualTo(404);
        assertThat(otherResolver.get("/api/v1/procedure-steps/" + disableId).status())
                .isEqualTo(404);
        assertThat(otherResolver
                        .post(
                                "/api/v1/procedure-steps/" + disableId + "/complete",
                                Map.of("version", disable.path("version").asLong()))
                        .status())
                .isEqualTo(404);

        ApiClient.Answer completed = itMember.post(
                "/api/v1/procedure-steps/" + disableId + "/complete",
                Map.of(
                        "note",
                        "disabled in AD",
                        "version",
                        disable.path("version").asLong()));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        JsonNode last = requester.get("/api/v1/procedure-runs/" + id).json();
        JsonNode ended = requester
                .post(
                        "/api/v1/procedure-runs/" + id + "/advance",
                        Map.of("version", last.path("version").asLong()))
                .json();
        assertThat(ended.path("state").asString()).isEqualTo("completed");
        assertThat(stepTitled(ended, "Disable the accounts").path("note").asString())
                .isEqualTo("disabled in AD");
    }

    private long told(TestUsers.TestUser person, String template, String link) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from notification_inbox where recipient_id = ? and template = ? and link = ?")
                .params(person.id().value(), template, link)
                .query(Long.class)
                .single();
    }

    @Test
    void theApproverIsToldAndOverdueStepsAndRunsAreToldOnceAndEscalated() {
        JsonNode run = start(requester, values(managerUser.username())).json();
        String step =
                "/procedures/steps/" + stepTitled(run, "Approve").path("id").asString();
        String runPage = "/procedures/runs/" + run.path("id").asString();
        assertThat(told(managerUser, "procedure-step-assigned", step)).isEqualTo(1);

        TestUsers.TestUser coordinator = users.user("prcoord-" + s, Set.of(Role.COORDINATOR));
        RunOverdue overdue = context.getBean(RunOverdue.class);
        java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofDays(400));
        overdue.scan(later);
        overdue.scan(later);

        assertThat(told(managerUser, "procedure-step-overdue", step)).isEqualTo(1);
        assertThat(told(requesterUser, "procedure-step-overdue", step)).isEqualTo(1);
        assertThat(told(requesterUser, "procedure-run-overdue", runPage)).isEqualTo(1);
        assertThat(told(coordinator, "procedure-run-overdue", runPage)).isEqualTo(1);
    }

    @Test
    void aFindingBecomesAnIncidentAndTheRunAndTheIncidentShowEachOther() {
        JsonNode run = start(requester, values(managerUser.username())).json();
        String id = run.path("id").asString();
        String raise = "/api/v1/procedure-runs/" + id + "/incidents";

        assertThat(requester.post(raise, Map.of("title", " ")).problemFields()).containsExactly("title", "description");
        assertThat(itMember.post(raise, Map.of("title", "Mine", "description", "not mine"))
                        .status())
                .isEqualTo(404);
        ApiClient.Answer raised = requester.post(
                raise, Map.of("title", "Contractor account still active " + s, "description", "Found in AD."));

        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String incident = raised.json().path("id").asString();
        assertThat(raised.json().path("reference").asString()).startsWith("INC-");
        JsonNode shown = requester.get("/api/v1/procedure-runs/" + id).json();
        assertThat(shown.path("raised").path(0).path("id").asString()).isEqualTo(incident);
        String audit = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                        "select count(*) from audit_record where action = 'procedure-run.raised-incident' and object_id = ?")
                .param(id)
                .query(Long.class)
                .single()
                .toString();
        assertThat(audit).isEqualTo("1");
    }

    @Test
    void anApproverWhoIsTheRequesterIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = requester.get("/api/v1/procedure-runs?state=all").json().size();

        ApiClient.Answer refused = start(requester, values(requesterUser.username()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields()).containsExactly("values.manager");
        assertThat(refused.json().path("detail").asString()).contains("someone else");
        assertThat(requester.get("/api/v1/procedure-runs?state=all").json().size())
                .isEqualTo(before);
    }

    @Test
    void everyWrongValueIsNamedByItsField() {
        Map<String, String> wrong = new HashMap<>();
        wrong.put("end", "31-12-2026");
        wrong.put("manager", "nobody-" + s);
        wrong.put("colour", "blue");
        Map<String, Object> body = new HashMap<>();
        body.put("procedureType", type);
        body.put("values", wrong);
        body.put("owner", "ghost-" + s);

        ApiClient.Answer refused = requester.post("/api/v1/procedure-runs", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields())
                .containsExactlyInAnyOrder(
                        "values.colour", "values.contractor", "values.end", "values.manager", "owner");
    }

    @Test
    void aRejectionEndsTheRunAndTheLoserOfARaceGets409() {
        JsonNode run = start(requester, values(managerUser.username())).json();
        String id = run.path("id").asString();
        JsonNode approval = stepTitled(run, "Approve");
        String decision = "/api/v1/procedure-steps/" + approval.path("id").asString() + "/decision";

        assertThat(manager.post(
                                decision,
                                Map.of(
                                        "approved",
                                        false,
                                        "version",
                                        approval.path("version").asLong()))
                        .status())
                .isEqualTo(400);
        ApiClient.Answer rejected = manager.post(
                decision,
                Map.of(
                        "approved",
                        false,
                        "note",
                        "not leaving",
                        "version",
                        approval.path("version").asLong()));
        assertThat(rejected.status()).isEqualTo(200);
        ApiClient.Answer late = manager.post(
                decision,
                Map.of("approved", true, "version", approval.path("version").asLong()));
        assertThat(late.status()).isEqualTo(409);

        JsonNode ended = requester.get("/api/v1/procedure-runs/" + id).json();
        assertThat(ended.path("state").asString()).isEqualTo("rejected");
        assertThat(ended.path("closeReason").asString()).isEqualTo("not leaving");
        assertThat(requester
                        .post("/api/v1/procedure-runs/" + id + "/advance", Map.of("version", 0))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aRetiredTypeStartsNoRunAndABadListParameterIsNamed() {
        JsonNode stored = admin.get("/api/v1/procedure-types/" + type).json();
        admin.post(
                "/api/v1/procedure-types/" + type + "/retirement",
                Map.of("retired", true, "version", stored.path("version").asLong()));

        ApiClient.Answer refused = start(requester, values(managerUser.username()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemFields()).containsExactly("procedureType");
        assertThat(requester
                        .get("/api/v1/procedure-runs?state=sleeping&size=500")
                        .problemFields())
                .containsExactly("state", "size");
    }
}
