package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who sees and changes which incident: every read and list is scoped to what the caller may see. */
class IncidentVisibilityTest extends ApiClient.OnServer {

    ApiClient reporter;
    ApiClient otherReporter;
    ApiClient teamHandler;
    ApiClient otherHandler;
    ApiClient coordinator;
    ApiClient auditor;
    ApiClient resolver;
    TeamId team;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        team = users.teamNamed("cert-" + s);
        TeamId otherTeam = users.teamNamed("soc-" + s);
        reporter = client(users.userNamed("rita-" + s, Set.of(Role.REPORTER)));
        otherReporter = client(users.userNamed("rob-" + s, Set.of(Role.REPORTER)));
        teamHandler = client(users.userNamed("hanna-" + s, Set.of(Role.HANDLER), team));
        otherHandler = client(users.userNamed("henk-" + s, Set.of(Role.HANDLER), otherTeam));
        coordinator = client(users.userNamed("cora-" + s, Set.of(Role.COORDINATOR)));
        auditor = client(users.userNamed("aud-" + s, Set.of(Role.AUDITOR)));
        resolver = client(users.userNamed("res-" + s, Set.of(Role.RESOLVER)));
    }

    private String reportBy(ApiClient who, String title, boolean confidential) {
        ApiClient.Answer created = who.post(
                "/api/v1/incidents",
                Map.of("title", title, "description", "details of " + title, "confidential", confidential));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aReporterSeesOnlyTheIncidentsTheyReported() {
        String mine = reportBy(reporter, "My laptop is gone", false);
        String theirs = reportBy(otherReporter, "Their phone is gone", false);

        assertThat(reporter.get("/api/v1/incidents/" + mine).status()).isEqualTo(200);
        assertThat(reporter.get("/api/v1/incidents/" + theirs).status()).isEqualTo(404);
        assertThat(reporter.get("/api/v1/incidents/" + theirs + "/timeline").status())
                .isEqualTo(404);
        JsonNode list = reporter.get("/api/v1/incidents?size=200").json();
        assertThat(list.get("items").valueStream().map(i -> i.get("id").asString()))
                .contains(mine)
                .doesNotContain(theirs);
    }

    @Test
    void aReporterMayAddNotesButNotChangeTheirIncident() {
        String mine = reportBy(reporter, "Clicked a link", false);

        assertThat(reporter.post("/api/v1/incidents/" + mine + "/notes", Map.of("text", "It was at 9:00"))
                        .status())
                .isEqualTo(201);
        assertThat(reporter.post("/api/v1/incidents/" + mine + "/transition", Map.of("to", "triage", "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(otherReporter
                        .post("/api/v1/incidents/" + mine + "/notes", Map.of("text", "me too"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aReporterCannotAssignWhenReporting() {
        ApiClient.Answer refused =
                reporter.post("/api/v1/incidents", Map.of("title", "t", "description", "d", "team", team.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
    }

    @Test
    void aConfidentialIncidentIsSeenOnlyByOwnerTeamCoordinatorsAndAuditors() {
        String secret = reportBy(coordinator, "CFO mailbox compromised", true);
        JsonNode incident = coordinator.get("/api/v1/incidents/" + secret).json();
        coordinator.post(
                "/api/v1/incidents/" + secret + "/assign",
                Map.of(
                        "team",
                        team.toString(),
                        "version",
                        incident.get("version").asLong()));

        assertThat(teamHandler.get("/api/v1/incidents/" + secret).status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/incidents/" + secret).status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/incidents/" + secret).status()).isEqualTo(200);
        assertThat(otherHandler.get("/api/v1/incidents/" + secret).status()).isEqualTo(404);
        assertThat(resolver.get("/api/v1/incidents/" + secret).status()).isEqualTo(404);
        assertThat(otherReporter.get("/api/v1/incidents/" + secret).status()).isEqualTo(404);
        assertThat(otherHandler
                        .get("/api/v1/incidents?size=200")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("id").asString()))
                .doesNotContain(secret);
        assertThat(teamHandler
                        .get("/api/v1/incidents?size=200")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("id").asString()))
                .contains(secret);
        assertThat(coordinator
                        .get("/api/v1/incidents?size=200&q=CFO")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("id").asString()))
                .contains(secret);
    }

    @Test
    void anOtherTeamsHandlerCannotChangeAConfidentialIncident() {
        String secret = reportBy(teamHandler, "HR records exposed", true);
        ApiClient.Answer attempt =
                otherHandler.post("/api/v1/incidents/" + secret + "/transition", Map.of("to", "triage", "version", 0));
        assertThat(attempt.status()).isEqualTo(404);
        assertThat(teamHandler
                        .get("/api/v1/incidents/" + secret)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("new");
    }

    @Test
    void anAuditorReadsButCannotChange() {
        String open = reportBy(teamHandler, "Scanner hits", false);
        assertThat(auditor.get("/api/v1/incidents/" + open).status()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/incidents/" + open + "/transition", Map.of("to", "triage", "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/v1/incidents", Map.of("title", "t", "description", "d"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aResolverSeesNoIncidents() {
        reportBy(teamHandler, "Open incident", false);
        assertThat(resolver.get("/api/v1/incidents").json().get("total").asLong())
                .isZero();
    }

    @Test
    void linksToIncidentsTheCallerMayNotSeeAreLeftOut() {
        String open = reportBy(otherHandler, "Public-facing outage", false);
        String secret = reportBy(teamHandler, "Insider case", true);
        teamHandler.post("/api/v1/incidents/" + secret + "/links", Map.of("target", open, "kind", "related"));

        assertThat(otherHandler
                        .get("/api/v1/incidents/" + open + "/links")
                        .json()
                        .size())
                .isZero();
        assertThat(teamHandler
                        .get("/api/v1/incidents/" + open + "/links")
                        .json()
                        .size())
                .isEqualTo(1);
    }
}
