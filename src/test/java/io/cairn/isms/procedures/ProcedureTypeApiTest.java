package io.cairn.isms.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Procedure types over HTTP: the five shipped ones, admins' own, and every refusal naming its field. */
class ProcedureTypeApiTest extends ApiClient.OnServer {

    ApiClient admin;
    ApiClient reporter;
    TeamId it;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        it = users.teamNamed("it-" + s);
        admin = client(users.userNamed("ptadmin-" + s, Set.of(Role.ADMIN)));
        reporter = client(users.userNamed("ptrep-" + s, Set.of(Role.REPORTER)));
    }

    private Map<String, Object> definition(String key, String team, List<String> controls) {
        return Map.of(
                "key",
                key,
                "name",
                "Revoke a contractor " + s,
                "form",
                List.of(
                        Map.of("key", "contractor", "label", "Contractor", "kind", "text", "required", true),
                        Map.of("key", "end", "label", "End of contract", "kind", "date", "required", true),
                        Map.of("key", "manager", "label", "Manager", "kind", "user", "required", true)),
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
                                team,
                                "due",
                                "P1D",
                                "dueFrom",
                                "end",
                                "fields",
                                List.of("contractor", "end"),
                                "controls",
                                controls)),
                "due",
                "P2D",
                "dueFrom",
                "end");
    }

    private JsonNode dutch(String path) {
        ApiClient.Bytes answer = reporter.bytes(path, Map.of("Accept-Language", "nl-NL,nl;q=0.9"));
        assertThat(answer.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body());
    }

    @Test
    void everyoneSignedInReadsTheFiveShippedProceduresInTheirLanguage() {
        ApiClient.Answer list = reporter.get("/api/v1/procedure-types");

        assertThat(list.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        list.json().forEach(type -> keys.add(type.path("definition").path("key").asString()));
        assertThat(keys)
                .contains("security-review", "secure-zone-access", "penetration-test", "patching-round", "offboarding");
        JsonNode offboarding = null;
        for (JsonNode type : dutch("/api/v1/procedure-types")) {
            if (type.path("definition").path("key").asString().equals("offboarding")) {
                offboarding = type;
            }
        }
        assertThat(offboarding).isNotNull();
        assertThat(offboarding.path("definition").path("name").asString()).isEqualTo("Uitdiensttreding");
        assertThat(offboarding
                        .path("definition")
                        .path("steps")
                        .get(1)
                        .path("controls")
                        .toString())
                .contains("5.18", "8.2");
    }

    @Test
    void anAdminAddsAProcedureWithTheTeamByNameAndTheControlsAsNumbers() {
        ApiClient.Answer added = admin.post(
                "/api/v1/procedure-types", definition("contractor-" + s, "IT-" + s, List.of("A.5.18", "8.2")));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode step = added.json().path("definition").path("steps").get(1);
        assertThat(step.path("team").asString()).isEqualTo(it.toString());
        assertThat(step.path("controls").toString()).isEqualTo("[\"5.18\",\"8.2\"]");
        String id = added.json().path("id").asString();
        assertThat(reporter.get("/api/v1/procedure-types/" + id).status()).isEqualTo(200);
    }

    @Test
    void aStepForATeamThatDoesNotExistIsRefusedNamingTheFieldAndNothingIsStored() {
        ApiClient.Answer refused =
                admin.post("/api/v1/procedure-types", definition("ghost-" + s, "Ghost team " + s, List.of("9.9")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
        assertThat(refused.problemFields()).containsExactlyInAnyOrder("steps[1].team", "steps[1].controls");
        assertThat(refused.body()).contains("Ghost team " + s);
        assertThat(admin.get("/api/v1/procedure-types").body()).doesNotContain("ghost-" + s);
    }

    @Test
    void onlyAdminsChangeProcedureTypes() {
        assertThat(reporter.post("/api/v1/procedure-types", definition("mine-" + s, "IT-" + s, List.of("5.18")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRevisionOnAVersionSomeoneChangedMeanwhileIsRefusedAsStale() {
        JsonNode added = admin.post("/api/v1/procedure-types", definition("stale-" + s, "IT-" + s, List.of("5.18")))
                .json();
        String id = added.path("id").asString();

        ApiClient.Answer first = admin.put(
                "/api/v1/procedure-types/" + id + "?version=0",
                definition("ignored-" + s, "IT-" + s, List.of("5.18", "8.2")));
        ApiClient.Answer second = admin.put(
                "/api/v1/procedure-types/" + id + "?version=0", definition("stale-" + s, "IT-" + s, List.of("5.17")));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("definition").path("key").asString()).isEqualTo("stale-" + s);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemFields()).containsExactly("version");
    }

    @Test
    void aRetiredTypeIsListedLastAndCanBeRestored() {
        String id = admin.post("/api/v1/procedure-types", definition("old-" + s, "IT-" + s, List.of("5.18")))
                .json()
                .path("id")
                .asString();

        ApiClient.Answer retired =
                admin.post("/api/v1/procedure-types/" + id + "/retirement", Map.of("retired", true, "version", 0));
        ApiClient.Answer restored =
                admin.post("/api/v1/procedure-types/" + id + "/retirement", Map.of("retired", false, "version", 1));

        assertThat(retired.json().path("retired").asBoolean()).isTrue();
        assertThat(restored.json().path("retired").asBoolean()).isFalse();
    }

    @Test
    void theAnnexAControlsAreListedInTheReadersLanguage() {
        JsonNode controls = dutch("/api/v1/procedure-types/controls");

        assertThat(controls.size()).isEqualTo(93);
        assertThat(controls.toString()).contains("Toegangsrechten");
    }
}
