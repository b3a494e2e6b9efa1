package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tasks for other teams: the segregation matrix through the API. On a confidential incident, a resolver of the
 * task's team sees the task and the shared fields only; a resolver of another team and the reporter see no task;
 * only the incident's handler sees the incident, its description, reporter, evidence and all tasks.
 */
class TaskSegregationApiTest extends ApiClient.OnServer {

    ApiClient handler;
    ApiClient itResolver;
    ApiClient otherResolver;
    ApiClient reporter;
    ApiClient outsideHandler;
    TeamId it;
    String incident;
    String task;
    String s;

    @BeforeEach
    void confidentialIncidentWithATaskForIt() {
        s = Long.toString(System.nanoTime(), 36);
        TeamId security = users.teamNamed("seg-sec-" + s);
        it = users.teamNamed("seg-it-" + s);
        TeamId facilities = users.teamNamed("seg-fac-" + s);
        handler = client(users.userNamed("segh-" + s, Set.of(Role.HANDLER), security));
        itResolver = client(users.userNamed("segit-" + s, Set.of(Role.RESOLVER), it));
        otherResolver = client(users.userNamed("segfac-" + s, Set.of(Role.RESOLVER), facilities));
        reporter = client(users.userNamed("segr-" + s, Set.of(Role.REPORTER)));
        outsideHandler = client(users.userNamed("segoh-" + s, Set.of(Role.HANDLER)));

        incident = reporter.post(
                        "/api/v1/incidents",
                        Map.of(
                                "title",
                                "Payroll export mailed to a supplier",
                                "description",
                                "SECRET-DESCRIPTION " + s,
                                "category",
                                Map.of("rsitClass", "information-content-security", "rsitType", "data-leak")))
                .json()
                .get("id")
                .asString();
        handler.post("/api/v1/incidents/" + incident + "/assign", Map.of("team", security.toString(), "version", 0));
        JsonNode marked = handler.post(
                        "/api/v1/incidents/" + incident + "/mark",
                        Map.of("tlp", "RED", "pap", "RED", "confidential", true, "version", 1))
                .json();
        handler.post(
                "/api/v1/incidents/" + incident + "/triage",
                Map.of("decision", "accept", "version", marked.get("version").asLong()));
        ApiClient.Answer added = handler.post(
                "/api/v1/incidents/" + incident + "/tasks",
                Map.of(
                        "title",
                        "Revoke the supplier's SFTP access",
                        "description",
                        "Remove account sup-42 from the SFTP server",
                        "team",
                        it.toString(),
                        "shared",
                        List.of("reference", "priority"),
                        "mandatory",
                        true));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        task = added.json().get("id").asString();
    }

    @Test
    void theResolverOfTheTeamSeesTheTaskAndOnlyTheSharedFields() {
        JsonNode mine = itResolver.get("/api/v1/tasks").json();
        assertThat(mine.valueStream().map(t -> t.get("id").asString())).containsExactly(task);

        JsonNode shown = itResolver.get("/api/v1/tasks/" + task).json();
        assertThat(shown.get("title").asString()).isEqualTo("Revoke the supplier's SFTP access");
        assertThat(shown.get("description").asString()).isEqualTo("Remove account sup-42 from the SFTP server");
        assertThat(shown.get("shared").propertyNames()).containsExactly("reference", "priority");
        assertThat(shown.get("shared").get("reference").asString()).startsWith("INC-");
        String body = itResolver.get("/api/v1/tasks/" + task).body();
        assertThat(body)
                .doesNotContain("SECRET-DESCRIPTION")
                .doesNotContain("Payroll")
                .doesNotContain(incident)
                .doesNotContain("segr-");
    }

    @Test
    void theResolverOfTheTeamNeverReadsTheIncidentItsEvidenceOrOtherTasks() {
        for (String path : List.of("", "/timeline", "/links", "/tasks", "/attachments", "/report")) {
            assertThat(itResolver.get("/api/v1/incidents/" + incident + path).status())
                    .as(path)
                    .isIn(403, 404);
        }
        assertThat(itResolver.get("/api/v1/incidents/" + incident).status()).isEqualTo(404);
        assertThat(itResolver.get("/api/v1/incidents/" + incident + "/tasks").status())
                .isEqualTo(404);
        assertThat(itResolver.get("/api/v1/tasks").body())
                .doesNotContain("Collect")
                .doesNotContain("privacy");
        assertThat(itResolver
                        .post("/api/v1/incidents/" + incident + "/tasks", Map.of("title", "x", "team", it.toString()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theResolverOfTheTeamCompletesTheTaskWithANote() {
        JsonNode done = itResolver
                .post("/api/v1/tasks/" + task + "/complete", Map.of("note", "account removed", "version", 0))
                .json();
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/tasks")
                        .json()
                        .valueStream()
                        .filter(t -> t.get("id").asString().equals(task))
                        .findFirst()
                        .orElseThrow()
                        .get("note")
                        .asString())
                .isEqualTo("account removed");
        assertThat(itResolver
                        .post("/api/v1/tasks/" + task + "/complete", Map.of("version", 1))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theTeamsTasksAreListedOpenFirstSoonestDueOnTop() {
        java.time.Instant now = java.time.Instant.now();
        String later = handler.post(
                        "/api/v1/incidents/" + incident + "/tasks",
                        Map.of(
                                "title",
                                "Later",
                                "team",
                                it.toString(),
                                "dueAt",
                                now.plusSeconds(7200).toString()))
                .json()
                .get("id")
                .asString();
        String sooner = handler.post(
                        "/api/v1/incidents/" + incident + "/tasks",
                        Map.of(
                                "title",
                                "Sooner",
                                "team",
                                it.toString(),
                                "dueAt",
                                now.plusSeconds(600).toString()))
                .json()
                .get("id")
                .asString();
        String finished = handler.post(
                        "/api/v1/incidents/" + incident + "/tasks",
                        Map.of(
                                "title",
                                "Finished",
                                "team",
                                it.toString(),
                                "dueAt",
                                now.plusSeconds(60).toString()))
                .json()
                .get("id")
                .asString();
        itResolver.post("/api/v1/tasks/" + finished + "/complete", Map.of("version", 0));

        assertThat(itResolver
                        .get("/api/v1/tasks")
                        .json()
                        .valueStream()
                        .map(t -> t.get("id").asString()))
                .containsExactly(sooner, later, task, finished);
        assertThat(handler.post(
                                "/api/v1/incidents/" + incident + "/tasks",
                                Map.of(
                                        "title",
                                        "Yesterday",
                                        "team",
                                        it.toString(),
                                        "dueAt",
                                        now.minusSeconds(86_400).toString()))
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("dueAt");
    }

    @Test
    void aResolverOfAnotherTeamNeitherSeesNorCompletesTheTask() {
        assertThat(otherResolver
                        .get("/api/v1/tasks")
                        .json()
                        .valueStream()
                        .map(t -> t.get("id").asString()))
                .doesNotContain(task);
        assertThat(otherResolver.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
        assertThat(otherResolver
                        .post("/api/v1/tasks/" + task + "/complete", Map.of("note", "x", "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(otherResolver.get("/api/v1/incidents/" + incident).status()).isEqualTo(404);
    }

    @Test
    void theReporterSeesTheirReportButNoTask() {
        assertThat(reporter.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("description")
                        .asString())
                .contains("SECRET-DESCRIPTION");
        assertThat(reporter.get("/api/v1/tasks").status()).isEqualTo(403);
        assertThat(reporter.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
        assertThat(reporter.get("/api/v1/incidents/" + incident + "/tasks").status())
                .isEqualTo(404);
        assertThat(reporter.post("/api/v1/tasks/" + task + "/complete", Map.of("version", 0))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aHandlerOutsideTheIncidentsTeamSeesNothingOfTheConfidentialIncident() {
        assertThat(outsideHandler.get("/api/v1/incidents/" + incident).status()).isEqualTo(404);
        assertThat(outsideHandler
                        .get("/api/v1/incidents/" + incident + "/tasks")
                        .status())
                .isEqualTo(404);
        assertThat(outsideHandler.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
        assertThat(outsideHandler
                        .post("/api/v1/tasks/" + task + "/complete", Map.of("version", 0))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theIncidentsHandlerSeesEverythingAndEveryTask() {
        JsonNode read = handler.get("/api/v1/incidents/" + incident).json();
        assertThat(read.get("description").asString()).contains("SECRET-DESCRIPTION");
        assertThat(read.get("reporter").isNull()).isFalse();
        List<JsonNode> tasks = handler.get("/api/v1/incidents/" + incident + "/tasks")
                .json()
                .valueStream()
                .toList();
        assertThat(tasks)
                .extracting(t -> t.get("title").asString())
                .contains("Revoke the supplier's SFTP access", "Inform the privacy officer");
    }

    @Test
    void aTaskForATeamThatDoesNotExistOrWithAnUnknownFieldIsRefused() {
        ApiClient.Answer noTeam = handler.post(
                "/api/v1/incidents/" + incident + "/tasks",
                Map.of("title", "x", "team", java.util.UUID.randomUUID().toString()));
        assertThat(noTeam.status()).isEqualTo(400);
        assertThat(noTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
        ApiClient.Answer unknownField = handler.post(
                "/api/v1/incidents/" + incident + "/tasks",
                Map.of("title", "x", "team", it.toString(), "shared", List.of("description")));
        assertThat(unknownField.status()).isEqualTo(400);
    }
}
