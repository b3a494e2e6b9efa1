package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Handlers describe an incident in VERIS A4 terms on the incident's version; staff read it, its RSIT category
 * suggests an action until one is described, the timeline counts it, the audit trail holds it, and it exports as a
 * VERIS record that names nobody. Reporters read none of it.
 */
class VerisApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient handler;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        TeamId team = users.teamNamed("veris-cert-" + s);
        handler = client(users.userNamed("veris-handler-" + s, Set.of(Role.HANDLER), team));
    }

    private String incident(ApiClient as) {
        ApiClient.Answer created = as.post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        "Phished " + s,
                        "description",
                        "Clicked a link",
                        "category",
                        Map.of("rsitClass", "fraud", "rsitType", "phishing")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> described(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "actors",
                List.of(Map.of(
                        "category",
                        "external",
                        "varieties",
                        List.of("Organized crime"),
                        "motives",
                        List.of("Financial"))));
        body.put(
                "actions",
                List.of(
                        Map.of("category", "social", "varieties", List.of("Phishing"), "vectors", List.of("Email")),
                        Map.of("category", "hacking", "varieties", List.of("Use of stolen creds"))));
        body.put("assets", Map.of("varieties", List.of("S - Mail", "P - End-user"), "ownership", "Victim"));
        body.put(
                "attributes",
                Map.of(
                        "confidentiality",
                        Map.of(
                                "dataDisclosure",
                                "Yes",
                                "data",
                                List.of(Map.of("variety", "Credentials", "amount", 3)))));
        body.put("version", version);
        return body;
    }

    @Test
    void aHandlerDescribesAnIncidentAndItShowsInTheViewTimelineTrailAndExport() {
        String incident = incident(handler);
        JsonNode before =
                handler.get("/api/v1/incidents/" + incident + "/veris").json();
        assertThat(before.get("description").get("actions").isEmpty()).isTrue();
        assertThat(before.get("suggestedAction").get("category").asString()).isEqualTo("social");
        assertThat(before.get("suggestedAction").get("variety").asString()).isEqualTo("Phishing");

        ApiClient.Answer recorded = handler.put("/api/v1/incidents/" + incident + "/veris", described(0));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        JsonNode view = recorded.json();
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(view.get("suggestedAction").isNull()).isTrue();
        assertThat(view.get("description").get("assets").has("empty")).isFalse();
        assertThat(view.get("description")
                        .get("actors")
                        .get(0)
                        .get("varieties")
                        .get(0)
                        .asString())
                .isEqualTo("Organized crime");
        assertThat(view.get("description")
                        .get("attributes")
                        .get("confidentiality")
                        .get("data")
                        .get(0)
                        .get("amount")
                        .asLong())
                .isEqualTo(3);
        assertThat(jdbc.sql("select part || ':' || category from incident_veris_category where incident_id = ?::uuid")
                        .param(incident)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "actor:external", "action:social", "action:hacking", "asset:server", "asset:person");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline").toString())
                .contains("veris-recorded");
        assertThat(jdbc.sql("select action from audit_record where object_id = ? order by seq")
                        .param(incident)
                        .query(String.class)
                        .list())
                .contains("incident.veris-recorded");

        JsonNode exported =
                handler.get("/api/v1/incidents/" + incident + "/veris/export").json();
        assertThat(exported.get("schema_version").asString()).isEqualTo("1.3.7");
        assertThat(exported.get("action").get("social").get("variety").get(0).asString())
                .isEqualTo("Phishing");
        assertThat(exported.get("action").get("hacking").get("vector").get(0).asString())
                .isEqualTo("Unknown");
        assertThat(exported.get("actor").get("external").get("motive").get(0).asString())
                .isEqualTo("Financial");
        assertThat(exported.get("asset").get("assets").get(1).get("variety").asString())
                .isEqualTo("P - End-user");
        assertThat(exported.get("attribute")
                        .get("confidentiality")
                        .get("data_disclosure")
                        .asString())
                .isEqualTo("Yes");
        assertThat(exported.toString()).doesNotContain("Phished").doesNotContain("Clicked");
    }

    @Test
    void anEmptyDescriptionRemovesTheOneBefore() {
        String incident = incident(handler);
        handler.put("/api/v1/incidents/" + incident + "/veris", described(0));

        ApiClient.Answer removed = handler.put("/api/v1/incidents/" + incident + "/veris", Map.of("version", 1));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("recordedAt").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from incident_veris_category where incident_id = ?::uuid")
                        .param(incident)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badValuesAndAStaleVersionAreRefusedAndTheDescriptionStaysAsItWas() {
        String incident = incident(handler);
        handler.put("/api/v1/incidents/" + incident + "/veris", described(0));
        Map<String, Object> wrongVector = described(1);
        wrongVector.put("actions", List.of(Map.of("category", "social", "vectors", List.of("Carrier pigeon"))));
        Map<String, Object> unknownField = described(1);
        unknownField.put("actorz", List.of());

        ApiClient.Answer refused = handler.put("/api/v1/incidents/" + incident + "/veris", wrongVector);
        ApiClient.Answer nullElement = handler.put(
                "/api/v1/incidents/" + incident + "/veris",
                Map.of("actions", java.util.Arrays.asList((Object) null), "version", 1));
        ApiClient.Answer unknown = handler.put("/api/v1/incidents/" + incident + "/veris", unknownField);
        ApiClient.Answer stale = handler.put("/api/v1/incidents/" + incident + "/veris", described(0));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("actions[0].vectors[0]");
        assertThat(nullElement.status()).as(nullElement.toString()).isEqualTo(400);
        assertThat(nullElement.json().get("errors").get(0).get("field").asString())
                .startsWith("actions");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(stale.status()).isEqualTo(409);
        JsonNode kept = handler.get("/api/v1/incidents/" + incident + "/veris").json();
        assertThat(kept.get("version").asLong()).isEqualTo(1);
        assertThat(kept.get("description").get("actions").size()).isEqualTo(2);
    }

    @Test
    void theReporterReadsNeitherTheDescriptionNorTheExportAndAStrangerCannotFindThem() {
        ApiClient reporter = client(users.userNamed("veris-reporter-" + s, Set.of(Role.REPORTER)));
        ApiClient stranger = client(users.userNamed("veris-stranger-" + s, Set.of(Role.REPORTER)));
        String incident = incident(reporter);
        handler.put("/api/v1/incidents/" + incident + "/veris", described(0));

        assertThat(reporter.get("/api/v1/incidents/" + incident + "/veris").status())
                .isEqualTo(403);
        assertThat(reporter.get("/api/v1/incidents/" + incident + "/veris/export")
                        .status())
                .isEqualTo(403);
        assertThat(reporter.put("/api/v1/incidents/" + incident + "/veris", described(1))
                        .status())
                .isEqualTo(403);
        assertThat(stranger.get("/api/v1/incidents/" + incident + "/veris").status())
                .isEqualTo(404);
        assertThat(stranger.put("/api/v1/incidents/" + incident + "/veris", described(1))
                        .status())
                .isEqualTo(404);
        assertThat(handler.get("/api/v1/incidents/" + incident + "/veris")
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theVocabularyListsTheCategoriesAndValues() {
        JsonNode vocabulary = handler.get("/api/v1/veris/vocabulary").json();

        assertThat(vocabulary.get("action").propertyNames())
                .containsExactly(
                        "malware", "hacking", "social", "misuse", "physical", "error", "environmental", "unknown");
        assertThat(vocabulary.get("actor").get("external").get("variety").toString())
                .contains("Nation-state");
        assertThat(vocabulary
                        .get("attribute")
                        .get("confidentiality")
                        .get("dataDisclosure")
                        .toString())
                .contains("Potentially");
    }
}
