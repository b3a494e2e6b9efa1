package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Playbooks: shipped after NIST SP 800-61, started when an incident enters analysis, enforced on transitions. */
class PlaybookApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient handler;
    TeamId team;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        team = users.teamNamed("pb-sec-" + s);
        admin = client(users.userNamed("pbadmin-" + s, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("pbh-" + s, Set.of(Role.HANDLER), team));
    }

    private String accepted(String rsitClass, String rsitType) {
        String id = handler.post(
                        "/api/v1/incidents",
                        Map.of(
                                "title",
                                "Case " + s,
                                "description",
                                "d",
                                "category",
                                Map.of("rsitClass", rsitClass, "rsitType", rsitType),
                                "team",
                                team.toString()))
                .json()
                .get("id")
                .asString();
        ApiClient.Answer triaged =
                handler.post("/api/v1/incidents/" + id + "/triage", Map.of("decision", "accept", "version", 0));
        assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
        return id;
    }

    private long version(String incident) {
        return handler.get("/api/v1/incidents/" + incident)
                .json()
                .get("version")
                .asLong();
    }

    private ApiClient.Answer transition(String incident, String to) {
        return handler.post(
                "/api/v1/incidents/" + incident + "/transition",
                Map.of("to", to, "reason", "done", "version", version(incident)));
    }

    private void complete(JsonNode task) {
        ApiClient.Answer done = handler.post(
                "/api/v1/tasks/" + task.get("id").asString() + "/complete",
                Map.of("note", "done", "version", task.get("version").asLong()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    private List<JsonNode> tasks(String incident) {
        return handler.get("/api/v1/incidents/" + incident + "/tasks")
                .json()
                .valueStream()
                .toList();
    }

    @Test
    void shipsSixPlaybooksAfterNist() {
        JsonNode playbooks = handler.get("/api/v1/playbooks").json();
        assertThat(playbooks
                        .valueStream()
                        .map(p -> p.get("definition").get("key").asString()))
                .contains(
                        "phishing",
                        "lost-or-stolen-device",
                        "compromised-account",
                        "malware-and-ransomware",
                        "personal-data-breach",
                        "denial-of-service");
        assertThat(playbooks
                        .valueStream()
                        .filter(p -> p.get("definition").get("key").asString().equals("phishing"))
                        .findFirst()
                        .orElseThrow()
                        .get("definition")
                        .get("steps")
                        .valueStream()
                        .map(step -> step.get("phase").asString()))
                .contains("analysis", "containment", "eradication", "recovery", "review");
    }

    @Test
    void acceptingAnIncidentStartsItsPlaybookOnceWithDueTimesForTheCurrentPhase() {
        String incident = accepted("fraud", "phishing");
        List<JsonNode> tasks = tasks(incident);
        assertThat(tasks).isNotEmpty();
        assertThat(tasks.get(0).get("phase").asString()).isEqualTo("analysis");
        assertThat(tasks.stream().filter(t -> t.get("phase").asString().equals("analysis")))
                .allSatisfy(t -> assertThat(t.get("dueAt").isNull()).isFalse());
        assertThat(tasks.stream().filter(t -> t.get("phase").asString().equals("containment")))
                .allSatisfy(t -> assertThat(t.get("dueAt").isNull()).isTrue());
        assertThat(tasks).allSatisfy(t -> assertThat(t.get("team").asString()).isEqualTo(team.toString()));

        handler.post("/api/v1/incidents/" + incident + "/notes", Map.of("text", "still analysing"));
        assertThat(tasks(incident)).hasSize(tasks.size());
    }

    @Test
    void anIncidentRecategorisedDuringAnalysisGetsThePlaybookOfItsNewCategory() {
        String incident = accepted("other", "undetermined");
        assertThat(tasks(incident)).isEmpty();

        ApiClient.Answer recategorised = handler.post(
                "/api/v1/incidents/" + incident + "/recategorise",
                Map.of(
                        "category",
                        Map.of("rsitClass", "malicious-code", "rsitType", "infected-system"),
                        "version",
                        version(incident)));

        assertThat(recategorised.status()).as(recategorised.toString()).isEqualTo(200);
        assertThat(tasks(incident))
                .extracting(t -> t.get("title").asString())
                .contains("Isolate infected systems from the network");
    }

    @Test
    void aPhaseIsNotLeftWhileItsMandatoryStepsAreOpenAndTheRefusalNamesThem() {
        String incident = accepted("fraud", "phishing");
        List<JsonNode> analysis = tasks(incident).stream()
                .filter(t -> t.get("phase").asString().equals("analysis"))
                .toList();

        ApiClient.Answer refused = transition(incident, "containment");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo(
                        "Analysis cannot be left while these mandatory steps are open: Collect the message with its full "
                                + "headers; Find everyone who received it");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(handler.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("analysis");

        analysis.stream().filter(t -> t.get("mandatory").asBoolean()).forEach(this::complete);
        ApiClient.Answer moved = transition(incident, "containment");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(tasks(incident).stream()
                        .filter(t -> t.get("phase").asString().equals("containment")))
                .allSatisfy(t -> assertThat(t.get("dueAt").isNull()).isFalse());
    }

    @Test
    void anIncidentIsNotClosedWhileAnyMandatoryTaskIsOpen() {
        String incident = accepted("availability", "ddos");
        List<String> phases = List.of("containment", "eradication", "recovery", "review");
        for (String phase : phases) {
            tasks(incident).stream()
                    .filter(t -> t.get("mandatory").asBoolean()
                            && t.get("state").asString().equals("open")
                            && !t.get("phase").asString().equals("review"))
                    .forEach(this::complete);
            assertThat(transition(incident, phase).status()).isEqualTo(200);
        }
        ApiClient.Answer refused = transition(incident, "closed");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo(
                        "The incident cannot be closed while these mandatory steps are open: Hold a lessons-learned review");

        tasks(incident).stream()
                .filter(t -> t.get("state").asString().equals("open"))
                .forEach(t -> {
                    if (t.get("mandatory").asBoolean()) {
                        complete(t);
                    }
                });
        assertThat(transition(incident, "closed").status()).isEqualTo(200);
    }

    @Test
    void optionalStepsAreSkippedWithAReasonMandatoryOnesNeverAndTasksCanBeReopened() {
        String incident = accepted("fraud", "phishing");
        JsonNode optional = tasks(incident).stream()
                .filter(t -> !t.get("mandatory").asBoolean())
                .findFirst()
                .orElseThrow();
        JsonNode mandatory = tasks(incident).stream()
                .filter(t -> t.get("mandatory").asBoolean())
                .findFirst()
                .orElseThrow();
        String path = "/api/v1/tasks/";

        assertThat(handler.post(path + optional.get("id").asString() + "/skip", Map.of("reason", " ", "version", 0))
                        .status())
                .isEqualTo(400);
        assertThat(handler.post(
                                path + mandatory.get("id").asString() + "/skip",
                                Map.of("reason", "no time", "version", 0))
                        .status())
                .isEqualTo(409);
        JsonNode skipped = handler.post(
                        path + optional.get("id").asString() + "/skip",
                        Map.of("reason", "no attachments", "version", 0))
                .json();
        assertThat(skipped.get("state").asString()).isEqualTo("skipped");
        assertThat(skipped.get("note").asString()).isEqualTo("no attachments");

        JsonNode reopened = handler.post(
                        path + optional.get("id").asString() + "/reopen",
                        Map.of("version", skipped.get("version").asLong()))
                .json();
        assertThat(reopened.get("state").asString()).isEqualTo("open");
        assertThat(handler.post(
                                path + optional.get("id").asString() + "/reopen",
                                Map.of("version", skipped.get("version").asLong()))
                        .status())
                .isEqualTo(409);

        long audited = jdbc.sql("select count(*) from audit_record where object_id = ? and action like 'task.%'")
                .param(optional.get("id").asString())
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aTemplateSpecificPlaybookWinsOverTheOneForTheCategory() {
        ApiClient.Answer added = admin.post(
                "/api/v1/playbooks",
                playbook(
                        "tpl-" + s,
                        "fraud",
                        "phishing",
                        "clicked-link-" + s,
                        step("analysis", "Template step", null, "PT1H")));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String id = handler.post(
                        "/api/v1/incidents",
                        Map.of(
                                "title",
                                "t",
                                "description",
                                "d",
                                "category",
                                Map.of("rsitClass", "fraud", "rsitType", "phishing"),
                                "team",
                                team.toString(),
                                "template",
                                "clicked-link-" + s))
                .json()
                .get("id")
                .asString();
        handler.post("/api/v1/incidents/" + id + "/triage", Map.of("decision", "accept", "version", 0));

        assertThat(tasks(id)).extracting(t -> t.get("title").asString()).containsExactly("Template step");
    }

    @Test
    void badPlaybooksAreRefusedNamingTheStepAndTheField() {
        long before =
                jdbc.sql("select count(*) from playbook").query(Long.class).single();

        ApiClient.Answer noTeam = admin.post(
                "/api/v1/playbooks",
                playbook(
                        "bad-" + s,
                        "fraud",
                        "masquerade",
                        null,
                        step("containment", "Block the sender", "Nonexistent-" + s, "PT1H")));
        assertThat(noTeam.status()).isEqualTo(400);
        assertThat(noTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].team");
        assertThat(noTeam.json().get("errors").get(0).get("message").asString())
                .isEqualTo("step 'Block the sender' is assigned to team 'Nonexistent-" + s + "', which does not exist");

        ApiClient.Answer unknownCategory = admin.post(
                "/api/v1/playbooks",
                playbook("bad-" + s, "fraud", "no-such-type", null, step("analysis", "Look", null, "PT1H")));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("errors").get(0).get("field").asString())
                .isEqualTo("categories[0]");

        ApiClient.Answer negative = admin.post(
                "/api/v1/playbooks",
                playbook("bad-" + s, "fraud", "masquerade", null, step("analysis", "Look", null, "-PT1H")));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].due");
        assertThat(negative.json().get("errors").get(0).get("message").asString())
                .contains("negative");

        ApiClient.Answer wrongPhase = admin.post(
                "/api/v1/playbooks",
                playbook("bad-" + s, "fraud", "masquerade", null, step("closed", "Look", null, "PT1H")));
        assertThat(wrongPhase.status()).isEqualTo(400);

        ApiClient.Answer overlapping = admin.post(
                "/api/v1/playbooks",
                playbook("bad-" + s, "fraud", "phishing", null, step("analysis", "Look", null, "PT1H")));
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.json().get("errors").get(0).get("message").asString())
                .contains("Phishing");

        assertThat(jdbc.sql("select count(*) from playbook").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void onlyAdminsEditPlaybooksAndAStepMayNameItsTeamByName() {
        TeamId it = users.teamNamed("IT-" + s);
        Map<String, Object> body = playbook(
                "it-" + s,
                "vulnerable",
                "weak-crypto",
                null,
                step("eradication", "Replace the certificate", "IT-" + s, "P1D"));
        assertThat(handler.post("/api/v1/playbooks", body).status()).isEqualTo(403);

        JsonNode added = admin.post("/api/v1/playbooks", body).json();
        assertThat(added.get("definition").get("steps").get(0).get("team").asString())
                .isEqualTo(it.toString());
        String id = added.get("id").asString();
        JsonNode retired = admin.post("/api/v1/playbooks/" + id + "/retirement", Map.of("retired", true, "version", 0))
                .json();
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(handler.post("/api/v1/playbooks/" + id + "/retirement", Map.of("retired", false, "version", 1))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and object_type = 'playbook'")
                        .param("it-" + s)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void everyProcedureEndpointHasASummaryInTheOpenApiDescription() {
        JsonNode paths = new ApiClient(port, null).get("/v3/api-docs").json().get("paths");
        for (String path : List.of(
                "/api/v1/tasks",
                "/api/v1/tasks/{id}",
                "/api/v1/tasks/{id}/complete",
                "/api/v1/tasks/{id}/skip",
                "/api/v1/tasks/{id}/reopen",
                "/api/v1/incidents/{id}/tasks",
                "/api/v1/playbooks",
                "/api/v1/playbooks/{id}",
                "/api/v1/playbooks/{id}/retirement",
                "/api/v1/routing-rules",
                "/api/v1/routing-rules/{id}",
                "/api/v1/routing-rules/{id}/move")) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.get(path)
                    .forEach(operation -> assertThat(operation.get("summary").asString())
                            .as(path)
                            .isNotBlank());
        }
    }

    static Map<String, Object> playbook(
            String key, String rsitClass, String rsitType, @Nullable String template, Map<String, Object> step) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "Playbook " + key);
        body.put("categories", List.of(Map.of("rsitClass", rsitClass, "rsitType", rsitType)));
        body.put("template", template);
        body.put("steps", List.of(step));
        return body;
    }

    static Map<String, Object> step(String phase, String title, @Nullable String team, String due) {
        Map<String, Object> step = new HashMap<>();
        step.put("phase", phase);
        step.put("title", title);
        step.put("description", "What to do");
        step.put("mandatory", true);
        step.put("team", team);
        step.put("due", due);
        return step;
    }
}
