package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The handler's workspace: triage decisions on new reports, bulk changes, saved views. */
class WorkspaceApiTest extends ApiClient.OnServer {

    ApiClient handler;
    ApiClient otherHandler;
    ApiClient reporter;
    TestUser handlerUser;
    TeamId team;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        team = users.teamNamed("ws-" + s);
        handlerUser = users.userNamed("wsh-" + s, Set.of(Role.HANDLER), team);
        handler = client(handlerUser);
        otherHandler = client(users.userNamed("wso-" + s, Set.of(Role.HANDLER)));
        reporter = client(users.userNamed("wsr-" + s, Set.of(Role.REPORTER)));
    }

    private String report(String title) {
        return reporter.post("/api/v1/incidents", Map.of("title", title, "description", "d"))
                .json()
                .get("id")
                .asString();
    }

    @Test
    void acceptingAReportMovesItIntoAnalysis() {
        String id = report("Strange pop-up");
        JsonNode accepted = handler.post(
                        "/api/v1/incidents/" + id + "/triage", Map.of("decision", "accept", "version", 0))
                .json();
        assertThat(accepted.get("status").asString()).isEqualTo("analysis");
        assertThat(accepted.get("acknowledgedAt").isNull()).isFalse();
    }

    @Test
    void dismissingAReportTellsTheReporterWhy() {
        String id = report("My screen is dim");
        ApiClient.Answer withoutReason =
                handler.post("/api/v1/incidents/" + id + "/triage", Map.of("decision", "dismiss", "version", 0));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(handler.get("/api/v1/incidents/" + id).json().get("status").asString())
                .isEqualTo("new");

        handler.post(
                "/api/v1/incidents/" + id + "/triage",
                Map.of("decision", "dismiss", "reason", "Power saving mode, not a security problem", "version", 0));
        JsonNode seen = reporter.get("/api/v1/me/reports/" + id).json();
        assertThat(seen.get("status").asString()).isEqualTo("dismissed");
        assertThat(seen.get("dismissalReason").asString()).contains("Power saving");
    }

    @Test
    void mergingAReportFoldsItIntoTheExistingIncident() {
        String original = report("Phishing: parcel service");
        String duplicate = report("Parcel mail again");
        JsonNode merged = handler.post(
                        "/api/v1/incidents/" + duplicate + "/triage",
                        Map.of("decision", "merge", "target", original, "version", 0))
                .json();
        assertThat(merged.get("mergedInto").asString()).isEqualTo(original);
    }

    @Test
    void aBulkChangeSaysPerIncidentWhetherItWasDone() {
        String first = report("Bulk one");
        String second = report("Bulk two");
        String closedAlready = report("Bulk three");
        handler.post(
                "/api/v1/incidents/" + closedAlready + "/triage",
                Map.of("decision", "dismiss", "reason", "test", "version", 0));

        JsonNode results = handler.post(
                        "/api/v1/incidents/bulk",
                        Map.of(
                                "incidents",
                                List.of(first, second, closedAlready),
                                "action",
                                "transition",
                                "to",
                                "triage"))
                .json();

        assertThat(results.valueStream().map(r -> r.get("done").asBoolean())).containsExactly(true, true, false);
        assertThat(results.get(2).get("problem").asString()).contains("dismissed cannot move to triage");

        JsonNode assigned = handler.post(
                        "/api/v1/incidents/bulk",
                        Map.of(
                                "incidents",
                                List.of(first, second),
                                "action",
                                "assign",
                                "owner",
                                handlerUser.id().toString(),
                                "team",
                                team.toString()))
                .json();
        assertThat(assigned.valueStream().map(r -> r.get("done").asBoolean())).containsOnly(true);
        assertThat(handler.get("/api/v1/incidents/" + second).json().get("team").asString())
                .isEqualTo(team.toString());
    }

    @Test
    void theQueueSortsByPriorityThenAgeAcrossPages() {
        String marker = "queue" + Long.toString(System.nanoTime(), 36);
        for (String urgency : List.of("low", "high", "low", "high", "medium")) {
            handler.post(
                    "/api/v1/incidents",
                    Map.of(
                            "title",
                            marker + " " + urgency,
                            "description",
                            "d",
                            "impact",
                            "medium",
                            "urgency",
                            urgency));
        }
        String url = "/api/v1/incidents?status=new&q=" + marker + "&sort=priority&direction=asc&size=2";
        List<String> titles = new java.util.ArrayList<>();
        JsonNode page = handler.get(url).json();
        titles.addAll(page.get("items")
                .valueStream()
                .map(i -> i.get("title").asString())
                .toList());
        while (!page.get("nextCursor").isNull()) {
            page = handler.get(url + "&cursor=" + page.get("nextCursor").asString())
                    .json();
            titles.addAll(page.get("items")
                    .valueStream()
                    .map(i -> i.get("title").asString())
                    .toList());
        }
        assertThat(titles)
                .containsExactly(
                        marker + " high", marker + " high", marker + " medium", marker + " low", marker + " low");
    }

    @Test
    void aReporterCannotTriageOrBulkChange() {
        String id = report("Not mine to judge");
        assertThat(reporter.post("/api/v1/incidents/" + id + "/triage", Map.of("decision", "accept", "version", 0))
                        .status())
                .isEqualTo(403);
        JsonNode results = reporter.post(
                        "/api/v1/incidents/bulk",
                        Map.of("incidents", List.of(id), "action", "transition", "to", "triage"))
                .json();
        assertThat(results.get(0).get("done").asBoolean()).isFalse();
    }

    @Test
    void savedViewsBelongToTheirOwner() {
        ApiClient.Answer saved = handler.post(
                "/api/v1/me/views",
                Map.of("name", "My queue", "query", "?status=new&team=" + team + "&sort=priority&direction=asc"));
        assertThat(saved.status()).isEqualTo(201);
        String id = saved.json().get("id").asString();
        assertThat(handler.post("/api/v1/me/views", Map.of("name", "my QUEUE", "query", "status=new"))
                        .status())
                .isEqualTo(409);
        assertThat(handler.get("/api/v1/me/views").json().get(0).get("query").asString())
                .startsWith("status=new");

        assertThat(otherHandler.get("/api/v1/me/views").json().size()).isZero();
        assertThat(otherHandler.delete("/api/v1/me/views/" + id).status()).isEqualTo(404);
        assertThat(handler.delete("/api/v1/me/views/" + id).status()).isEqualTo(204);
    }
}
