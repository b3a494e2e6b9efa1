package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Admins register, change, retire and restore services, and say what each depends on; staff read them; every change
 * is versioned and audited, and bad input is refused naming the field.
 */
class ServiceApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssetManagement assets;

    ApiClient admin;
    TeamId team;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("svc-admin-" + s, Set.of(Role.ADMIN)));
        team = users.team("platform");
    }

    private JsonNode register(String name, String... dependsOn) {
        ApiClient.Answer created = admin.post(
                "/api/v1/services",
                Map.of(
                        "name",
                        name + " " + s,
                        "ownerTeam",
                        team.toString(),
                        "criticality",
                        "high",
                        "dependsOn",
                        List.of(dependsOn)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String id(JsonNode service) {
        return service.get("id").asString();
    }

    @Test
    void anAdminRegistersChangesRetiresAndRestoresAServiceAndTheTrailRecordsEachStep() {
        JsonNode storage = register("Storage");
        JsonNode shop = register("Webshop", id(storage));
        assertThat(shop.get("dependsOn").get(0).get("name").asString()).isEqualTo("Storage " + s);
        assertThat(admin.get("/api/v1/services/" + id(storage))
                        .json()
                        .get("dependents")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id(shop));

        ApiClient.Answer changed = admin.patch(
                "/api/v1/services/" + id(shop),
                Map.of("description", "Sells things", "criticality", "critical", "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("criticality").asString()).isEqualTo("critical");
        assertThat(changed.json().get("dependsOn").size()).as("kept").isEqualTo(1);

        ApiClient.Answer retired = admin.delete("/api/v1/services/" + id(shop) + "?version=1");
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        ApiClient.Answer restored = admin.patch("/api/v1/services/" + id(shop), Map.of("retired", false, "version", 2));
        assertThat(restored.json().get("retired").asBoolean()).isFalse();

        assertThat(jdbc.sql("select action from audit_record where object_type = 'service' and object_id = ? "
                                + "order by seq")
                        .param(id(shop))
                        .query(String.class)
                        .list())
                .containsExactly("service.registered", "service.changed", "service.retired", "service.restored");
    }

    @Test
    void aDependencyThatWouldMakeACycleIsRefusedNamingTheField() {
        JsonNode db = register("Database");
        JsonNode api = register("API", id(db));
        register("Web", id(api));

        ApiClient.Answer cycle =
                admin.patch("/api/v1/services/" + id(db), Map.of("dependsOn", List.of(id(api)), "version", 0));

        assertField(cycle, 400, "dependsOn");
        assertThat(cycle.json().get("detail").asString()).contains("Database " + s + " \u2192 API " + s);
        assertThat(admin.get("/api/v1/services/" + id(db))
                        .json()
                        .get("dependsOn")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void whatDependsOnAServiceIsFoundThroughEveryPath() {
        JsonNode storage = register("Object storage");
        JsonNode db = register("Database", id(storage));
        JsonNode api = register("API", id(db));
        JsonNode web = register("Web", id(api), id(storage));
        register("Unrelated");

        assertThat(assets.servicesDependingOn(ServiceId.valueOf(id(storage))).stream()
                        .map(ServiceSummary::name))
                .containsExactlyInAnyOrder("Database " + s, "API " + s, "Web " + s);
        assertThat(assets.servicesDependingOn(ServiceId.valueOf(id(web)))).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String name = "Mail " + s;
        assertField(
                admin.post("/api/v1/services", Map.of("ownerTeam", team.toString(), "criticality", "low")),
                400,
                "name");
        assertField(
                admin.post(
                        "/api/v1/services",
                        Map.of("name", name, "ownerTeam", UUID.randomUUID().toString(), "criticality", "low")),
                400,
                "ownerTeam");
        assertField(
                admin.post("/api/v1/services", Map.of("name", name, "ownerTeam", team.toString())), 400, "criticality");
        assertField(
                admin.post(
                        "/api/v1/services",
                        Map.of("name", name, "ownerTeam", team.toString(), "criticality", "urgent")),
                400,
                "criticality");
        assertField(
                admin.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                name,
                                "ownerTeam",
                                team.toString(),
                                "criticality",
                                "low",
                                "dependsOn",
                                List.of(UUID.randomUUID().toString()))),
                400,
                "dependsOn");
        ApiClient.Answer provider = admin.post(
                "/api/v1/services",
                Map.of(
                        "name",
                        name,
                        "ownerTeam",
                        team.toString(),
                        "criticality",
                        "low",
                        "provider",
                        Map.of(
                                "peer",
                                UUID.randomUUID().toString(),
                                "service",
                                UUID.randomUUID().toString())));
        assertField(provider, 400, "provider");
        assertThat(provider.json().get("detail").asString())
                .contains("offers no service", "choose one a provider offers");
        assertThat(jdbc.sql("select count(*) from service where lower(name) = lower(?)")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode mail = register("Mail");
        assertField(
                admin.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "MAIL " + s.toUpperCase(java.util.Locale.ROOT),
                                "ownerTeam",
                                team.toString(),
                                "criticality",
                                "low")),
                409,
                "name");
        assertField(admin.patch("/api/v1/services/" + id(mail), Map.of("name", "renamed")), 400, "version");
        assertField(admin.delete("/api/v1/services/" + id(mail)), 400, "version");
        assertThat(admin.patch("/api/v1/services/" + UUID.randomUUID(), Map.of("name", "x", "version", 0))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aChangeOfAnOlderVersionIsRefusedWith409() {
        JsonNode chat = register("Chat");
        admin.patch("/api/v1/services/" + id(chat), Map.of("description", "first", "version", 0));

        ApiClient.Answer stale =
                admin.patch("/api/v1/services/" + id(chat), Map.of("description", "second", "version", 0));

        assertField(stale, 409, "version");
        assertThat(admin.get("/api/v1/services/" + id(chat))
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("first");
    }

    @Test
    void staffReadServicesOnlyAdminsChangeThemAndReportersSeeNone() {
        JsonNode vpn = register("VPN");
        ApiClient handler = client(users.user("svc-handler", Set.of(Role.HANDLER, Role.COORDINATOR)));
        ApiClient reporter =
                client(users.user("svc-reporter", Set.of(Role.REPORTER, Role.AUDITOR, Role.PRIVACY_OFFICER)));

        assertThat(handler.get("/api/v1/services").status()).isEqualTo(200);
        assertThat(handler.get("/api/v1/services/" + id(vpn)).status()).isEqualTo(200);
        assertThat(handler.post(
                                "/api/v1/services",
                                Map.of("name", "Mine " + s, "ownerTeam", team.toString(), "criticality", "low"))
                        .status())
                .isEqualTo(403);
        assertThat(handler.patch("/api/v1/services/" + id(vpn), Map.of("name", "Taken", "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(handler.delete("/api/v1/services/" + id(vpn) + "?version=0").status())
                .isEqualTo(403);
        assertThat(reporter.get("/api/v1/services").status()).isEqualTo(403);
        assertThat(reporter.get("/api/v1/services/" + id(vpn)).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/services/" + id(vpn))
                        .json()
                        .get("version")
                        .asLong())
                .isZero();
    }

    private static void assertField(ApiClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
