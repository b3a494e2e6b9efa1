package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class IncidentApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient handler;
    TestUser handlerUser;
    TeamId securityTeam;

    @BeforeEach
    void signIn() {
        String suffix = Long.toString(System.nanoTime(), 36);
        securityTeam = users.teamNamed("security-" + suffix);
        handlerUser = users.userNamed("handler-" + suffix, Set.of(Role.HANDLER), securityTeam);
        handler = client(handlerUser);
    }

    private JsonNode report(String title) {
        ApiClient.Answer created = handler.post(
                "/api/v1/incidents", Map.of("title", title, "description", "Something happened to " + title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    @Test
    void reportsAnIncidentWithDefaultsAndAPriorityFromTheMatrix() {
        ApiClient.Answer created = handler.post(
                "/api/v1/incidents",
                body(
                        "title",
                        "Phishing mail clicked",
                        "description",
                        "Clicked a link in a mail from 'IT support'",
                        "category",
                        Map.of("rsitClass", "fraud", "rsitType", "phishing"),
                        "impact",
                        "high",
                        "urgency",
                        "medium",
                        "tlp",
                        "AMBER+STRICT"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("/api/v1/incidents/");
        JsonNode incident = created.json();
        assertThat(incident.get("reference").asString()).startsWith("INC-");
        assertThat(incident.get("status").asString()).isEqualTo("new");
        assertThat(incident.get("priority").asString()).isEqualTo("P2");
        assertThat(incident.get("tlp").asString()).isEqualTo("AMBER+STRICT");
        assertThat(incident.get("determination").asString()).isEqualTo("suspected");
        assertThat(incident.get("reporter").asString())
                .isEqualTo(handlerUser.id().toString());
        assertThat(incident.get("reportedAt").isNull()).isFalse();

        ApiClient.Answer read =
                handler.get("/api/v1/incidents/" + incident.get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo("Phishing mail clicked");
        assertThat(read.header("ETag")).isEqualTo("\"" + incident.get("version").asLong() + "\"");
    }

    @Test
    void walksTheLifecycleAndStampsTheMilestones() {
        JsonNode incident = report("Ransomware on file server");
        String id = incident.get("id").asString();
        long version = incident.get("version").asLong();
        for (String status : List.of("triage", "analysis", "containment", "eradication", "recovery", "review")) {
            ApiClient.Answer moved =
                    handler.post("/api/v1/incidents/" + id + "/transition", body("to", status, "version", version));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            version = moved.json().get("version").asLong();
        }
        ApiClient.Answer closed = handler.post(
                "/api/v1/incidents/" + id + "/transition",
                body("to", "closed", "reason", "Restored from backup", "version", version));

        JsonNode done = closed.json();
        assertThat(done.get("status").asString()).isEqualTo("closed");
        assertThat(done.get("resolution").asString()).isEqualTo("Restored from backup");
        for (String stamp :
                List.of("acknowledgedAt", "respondedAt", "containedAt", "eradicatedAt", "recoveredAt", "closedAt")) {
            assertThat(done.get(stamp).isNull()).as(stamp).isFalse();
        }
        assertThat(done.has("milestones"))
                .as("the milestones beside the other fields")
                .isFalse();
        JsonNode timeline = handler.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.size()).isEqualTo(8);
        assertThat(timeline.get(7).get("details").get("to").asString()).isEqualTo("closed");
    }

    @Test
    void refusesATransitionTheLifecycleDoesNotAllowAndNamesTheAllowedOnes() {
        JsonNode incident = report("Lost laptop");
        ApiClient.Answer refused = handler.post(
                "/api/v1/incidents/" + incident.get("id").asString() + "/transition",
                body("to", "closed", "reason", "found", "version", 0));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("new cannot move to closed")
                .contains("triage");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(handler.get("/api/v1/incidents/" + incident.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("new");
    }

    @Test
    void dismissingNeedsAReason() {
        JsonNode incident = report("Odd pop-up");
        String id = incident.get("id").asString();
        long version = handler.post("/api/v1/incidents/" + id + "/transition", body("to", "triage", "version", 0))
                .json()
                .get("version")
                .asLong();

        ApiClient.Answer refused =
                handler.post("/api/v1/incidents/" + id + "/transition", body("to", "dismissed", "version", version));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }

    @Test
    void refusesAStaleWriteWithConflict() {
        JsonNode incident = report("Password pasted in chat");
        String id = incident.get("id").asString();
        ApiClient.Answer first = handler.post(
                "/api/v1/incidents/" + id + "/reprioritise", body("impact", "high", "urgency", "high", "version", 0));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("priority").asString()).isEqualTo("P1");

        ApiClient.Answer second = handler.post(
                "/api/v1/incidents/" + id + "/reprioritise", body("impact", "low", "urgency", "low", "version", 0));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(handler.get("/api/v1/incidents/" + id).json().get("priority").asString())
                .isEqualTo("P1");
    }

    @Test
    void assignsRecategorisesMarksAndNotes() {
        JsonNode incident = report("Strange login");
        String id = incident.get("id").asString();
        JsonNode assigned = handler.post(
                        "/api/v1/incidents/" + id + "/assign",
                        body("owner", handlerUser.id().toString(), "team", securityTeam.toString(), "version", 0))
                .json();
        assertThat(assigned.get("owner").asString()).isEqualTo(handlerUser.id().toString());
        assertThat(assigned.get("team").asString()).isEqualTo(securityTeam.toString());

        JsonNode recategorised = handler.post(
                        "/api/v1/incidents/" + id + "/recategorise",
                        body(
                                "category",
                                Map.of("rsitClass", "intrusions", "rsitType", "unprivileged-account-compromise"),
                                "severity",
                                "high",
                                "determination",
                                "confirmed",
                                "version",
                                1))
                .json();
        assertThat(recategorised.get("category").get("rsitType").asString())
                .isEqualTo("unprivileged-account-compromise");
        assertThat(recategorised.get("determination").asString()).isEqualTo("confirmed");

        ApiClient.Answer lowering = handler.post(
                "/api/v1/incidents/" + id + "/mark",
                body("tlp", "GREEN", "pap", "GREEN", "confidential", true, "version", 2));
        assertThat(lowering.status()).isEqualTo(400);
        assertThat(lowering.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        JsonNode marked = handler.post(
                        "/api/v1/incidents/" + id + "/mark",
                        body(
                                "tlp",
                                "GREEN",
                                "pap",
                                "GREEN",
                                "confidential",
                                true,
                                "reason",
                                "shared with the ISAC",
                                "version",
                                2))
                .json();
        assertThat(marked.get("confidential").asBoolean()).isTrue();

        ApiClient.Answer note =
                handler.post("/api/v1/incidents/" + id + "/notes", body("text", "User confirmed they did not log in"));
        assertThat(note.status()).isEqualTo(201);
        List<String> kinds = handler.get("/api/v1/incidents/" + id + "/timeline")
                .json()
                .valueStream()
                .map(entry -> entry.get("kind").asString())
                .toList();
        assertThat(kinds).containsExactly("reported", "assigned", "recategorised", "marked", "note");
    }

    @Test
    void mergesADuplicateIntoItsOriginalWithItsTimeline() {
        JsonNode original = report("Phishing wave: invoice mail");
        JsonNode duplicate = report("Got the invoice mail too");
        String duplicateId = duplicate.get("id").asString();
        handler.post("/api/v1/incidents/" + duplicateId + "/notes", body("text", "Second recipient"));

        ApiClient.Answer merged = handler.post(
                "/api/v1/incidents/" + duplicateId + "/merge",
                body("target", original.get("id").asString(), "version", 0));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("status").asString()).isEqualTo("closed");
        assertThat(merged.json().get("mergedInto").asString())
                .isEqualTo(original.get("id").asString());
        JsonNode timeline = handler.get(
                        "/api/v1/incidents/" + original.get("id").asString() + "/timeline")
                .json();
        assertThat(timeline.valueStream().map(e -> e.path("note").asString(""))).contains("Second recipient");
        JsonNode links =
                handler.get("/api/v1/incidents/" + duplicateId + "/links").json();
        assertThat(links.get(0).get("kind").asString()).isEqualTo("duplicate-of");
        assertThat(handler.post(
                                "/api/v1/incidents/" + duplicateId + "/transition",
                                body(
                                        "to",
                                        "analysis",
                                        "reason",
                                        "again",
                                        "version",
                                        merged.json().get("version").asLong()))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void linksParentsAndChildrenWithoutCycles() {
        String parent = report("Campaign").get("id").asString();
        String child = report("One mail of the campaign").get("id").asString();

        assertThat(handler.post("/api/v1/incidents/" + parent + "/links", body("target", child, "kind", "parent-of"))
                        .status())
                .isEqualTo(200);
        ApiClient.Answer cycle =
                handler.post("/api/v1/incidents/" + child + "/links", body("target", parent, "kind", "parent-of"));

        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.json().get("detail").asString()).contains("cycle");
        assertThat(handler.post("/api/v1/incidents/" + parent + "/links", body("target", parent, "kind", "related"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void listsWithFiltersSortingAndCursorPaging() {
        String marker = "zebra" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 7; i++) {
            handler.post(
                    "/api/v1/incidents",
                    body(
                            "title",
                            marker + " number " + i,
                            "description",
                            "listed",
                            "team",
                            securityTeam.toString(),
                            "impact",
                            i % 2 == 0 ? "high" : "low",
                            "urgency",
                            "high"));
        }
        JsonNode firstPage = handler.get("/api/v1/incidents?q=" + marker + "&size=3&sort=number&direction=asc")
                .json();
        assertThat(firstPage.get("items").size()).isEqualTo(3);
        assertThat(firstPage.get("total").asLong()).isEqualTo(7);
        assertThat(firstPage.get("items").get(0).get("title").asString()).endsWith("number 0");

        JsonNode secondPage = handler.get("/api/v1/incidents?q=" + marker + "&size=3&sort=number&direction=asc"
                        + "&cursor=" + firstPage.get("nextCursor").asString())
                .json();
        assertThat(secondPage.get("items").get(0).get("title").asString()).endsWith("number 3");
        JsonNode byPage = handler.get("/api/v1/incidents?q=" + marker + "&size=3&page=2&sort=number&direction=asc")
                .json();
        assertThat(byPage.get("items").size()).isEqualTo(1);
        assertThat(byPage.get("nextCursor").isNull()).isTrue();

        ApiClient.Answer highOnly =
                handler.get("/api/v1/incidents?q=" + marker + "&priority=P1&team=" + securityTeam + "&status=new");
        assertThat(highOnly.status()).as(highOnly.toString()).isEqualTo(200);
        assertThat(highOnly.json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void aFilterValueOutOfRangeIsNamed() {
        ApiClient.Answer size = handler.get("/api/v1/incidents?size=1000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("errors").get(0).get("field").asString()).isEqualTo("size");

        ApiClient.Answer status = handler.get("/api/v1/incidents?status=sleeping");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        ApiClient.Answer cursor = handler.get("/api/v1/incidents?cursor=bm9uc2Vuc2U");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    // --- bad input: each class gets a 4xx problem that names the field, and nothing is stored ---------------------

    private long storedIncidents() {
        return jdbc.sql("select count(*) from incident").query(Long.class).single();
    }

    @Test
    void malformedJsonIsAProblemWithThePosition() {
        long before = storedIncidents();
        ApiClient.Answer answer = handler.post("/api/v1/incidents", "{\"title\": \"x\", ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("not valid JSON");
        assertThat(storedIncidents()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsNamed() {
        long before = storedIncidents();
        ApiClient.Answer answer =
                handler.post("/api/v1/incidents", body("title", "t", "description", "d", "colour", "red"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
        assertThat(storedIncidents()).isEqualTo(before);
    }

    @Test
    void aWrongTypeIsNamed() {
        ApiClient.Answer answer = handler.post(
                "/api/v1/incidents", body("title", "t", "description", "d", "confidential", List.of(1, 2)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("confidential");

        ApiClient.Answer time =
                handler.post("/api/v1/incidents", body("title", "t", "description", "d", "occurredAt", "yesterday"));
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");

        ApiClient.Answer marking =
                handler.post("/api/v1/incidents", body("title", "t", "description", "d", "tlp", "PURPLE"));
        assertThat(marking.status()).isEqualTo(400);
        assertThat(marking.json().get("errors").get(0).get("field").asString()).isEqualTo("tlp");
        assertThat(marking.json().get("errors").get(0).get("message").asString())
                .contains("AMBER+STRICT");
    }

    @Test
    void valuesOutOfRangeAreNamed() {
        long before = storedIncidents();
        ApiClient.Answer blank =
                handler.post("/api/v1/incidents", body("title", " ", "description", "x".repeat(20_001)));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("description", "title");

        ApiClient.Answer impact =
                handler.post("/api/v1/incidents", body("title", "t", "description", "d", "impact", "catastrophic"));
        assertThat(impact.status()).isEqualTo(400);
        assertThat(impact.json().get("errors").get(0).get("field").asString()).isEqualTo("impact");

        ApiClient.Answer category = handler.post(
                "/api/v1/incidents",
                body(
                        "title",
                        "t",
                        "description",
                        "d",
                        "category",
                        Map.of("rsitClass", "fraud", "rsitType", "bank-robbery")));
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.json().get("errors").get(0).get("field").asString()).isEqualTo("category");

        ApiClient.Answer future = handler.post(
                "/api/v1/incidents", body("title", "t", "description", "d", "occurredAt", "2999-01-01T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(storedIncidents()).isEqualTo(before);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        long before = storedIncidents();
        String huge = "{\"title\":\"t\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        ApiClient.Answer declared =
                handler.postRaw("/api/v1/incidents", "application/json", HttpRequest.BodyPublishers.ofString(huge));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("detail").asString()).contains("larger than the limit");

        ApiClient.Answer streamed = handler.postRaw(
                "/api/v1/incidents",
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(storedIncidents()).isEqualTo(before);
    }

    @Test
    void refusesACategoryWithoutClassOrTypeNamingTheCategory() {
        String id = report("Categorised").get("id").asString();
        for (Object category :
                List.of(Map.of(), Map.of("rsitClass", "fraud"), body("rsitClass", null, "rsitType", "phishing"))) {
            ApiClient.Answer reported =
                    handler.post("/api/v1/incidents", body("title", "t", "description", "d", "category", category));
            assertThat(reported.status()).as(reported.toString()).isEqualTo(400);
            assertThat(reported.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("category");
            ApiClient.Answer recategorised =
                    handler.post("/api/v1/incidents/" + id + "/recategorise", body("category", category, "version", 0));
            assertThat(recategorised.status()).as(recategorised.toString()).isEqualTo(400);
            assertThat(recategorised.json().get("detail").asString()).startsWith("category: needs both");
        }
    }

    @Test
    void refusesLenientInputNamingTheFieldInsteadOfStoringNonsense() {
        String id = report("Strict").get("id").asString();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(
                "{\"title\": \"t\", \"description\": \"d\", \"occurredAt\": \"-999999-01-01T00:00:00Z\"}",
                "occurredAt");
        refused.put("{\"title\": \"t\", \"description\": \"d\", \"occurredAt\": 12345}", "occurredAt");
        refused.put(
                "{\"title\": \"t\", \"description\": \"d\", \"occurredAt\": \"1969-12-31T23:59:59Z\"}", "occurredAt");
        refused.put("{\"title\": \"t\", \"title\": \"u\", \"description\": \"d\"}", "title");
        refused.put("{\"title\": \"t\", \"description\": \"d\", \"confidential\": 1}", "confidential");
        refused.put("{\"title\": 7, \"description\": \"d\"}", "title");
        refused.put("{\"title\": \"t\", \"description\": \"d\", \"tlp\": 4}", "tlp");
        refused.forEach((json, field) -> {
            ApiClient.Answer answer = handler.post("/api/v1/incidents", json);
            assertThat(answer.status()).as(json + ": " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .as(json)
                    .isEqualTo(field);
        });
        for (String version : List.of("1.5", "\"0\"", "99999999999999999999")) {
            ApiClient.Answer answer = handler.post(
                    "/api/v1/incidents/" + id + "/describe",
                    "{\"title\": \"t\", \"description\": \"d\", \"version\": " + version + "}");
            assertThat(answer.status()).as(version + ": " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("version");
        }
        ApiClient.Answer missing =
                handler.post("/api/v1/incidents/" + id + "/describe", body("title", "t", "description", "d"));
        assertThat(missing.json().get("detail").asString()).isEqualTo("version: is required");
        assertThat(handler.get("/api/v1/incidents/" + id).json().get("version").asLong())
                .isZero();
        assertThat(handler.get("/api/v1/incidents?reportedFrom=-999999-01-01T00:00:00Z")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("reportedFrom: '-999999-01-01T00:00:00Z' lies outside the years 1970 to 9999");
    }

    @Test
    void takesTimesWithAnOffsetAndStoresThemAsTheInstantTheyName() {
        ApiClient.Answer reported = handler.post(
                "/api/v1/incidents",
                body("title", "Offset", "description", "d", "occurredAt", "2026-01-01T10:00:00+02:00"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().get("occurredAt").asString()).isEqualTo("2026-01-01T08:00:00Z");
    }

    @Test
    void anUnknownIncidentIsNotFoundAsAProblem() {
        ApiClient.Answer missing = handler.get("/api/v1/incidents/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");

        ApiClient.Answer malformedId = handler.get("/api/v1/incidents/not-a-uuid");
        assertThat(malformedId.status()).isEqualTo(400);

        ApiClient.Answer nowhere = handler.get("/api/v1/nowhere");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        ApiClient.Answer anonymous = new ApiClient(port, null).get("/api/v1/incidents");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
        assertThat(new ApiClient(port, "cairn_forged").get("/api/v1/incidents").status())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionListsTheCommands() {
        ApiClient.Answer docs = new ApiClient(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
        assertThat(docs.json().get("paths").has("/api/v1/incidents/{id}/transition"))
                .isTrue();
    }
}
