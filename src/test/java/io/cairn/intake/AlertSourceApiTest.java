package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Admins register alert sources and the accounts that send for them; every change is versioned and audited. */
class AlertSourceApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    String suffix;
    String sender;

    @BeforeEach
    void people() {
        suffix = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("adm-" + suffix, Set.of(Role.ADMIN)));
        sender = "edr-bot-" + suffix;
        users.userNamed(sender, Set.of(Role.REPORTER));
    }

    @Test
    void anAdminRegistersChangesAndRemovesASourceAndTheTrailRecordsEachStep() {
        String key = "edr." + suffix;
        ApiClient.Answer registered = admin.post(
                "/api/v1/alert-sources",
                Map.of("key", key, "description", "EDR in production", "senders", List.of(sender)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Location")).endsWith("/api/v1/alert-sources/" + key);
        assertThat(registered.json().get("enabled").asBoolean()).isTrue();
        assertThat(registered.json().get("senders").get(0).asString()).isEqualTo(sender);
        assertThat(admin.get("/api/v1/alert-sources")
                        .json()
                        .valueStream()
                        .map(s -> s.get("key").asString()))
                .contains(key);

        ApiClient.Answer changed = admin.put(
                "/api/v1/alert-sources/" + key,
                Map.of("description", "EDR, paused", "senders", List.of(), "enabled", false, "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("senders").isEmpty()).isTrue();
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);

        assertThat(admin.delete("/api/v1/alert-sources/" + key + "?version=1").status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/alert-sources/" + key).status()).isEqualTo(404);
        assertThat(jdbc.sql("select action from audit_record where object_type = 'alert-source' and object_id = ? "
                                + "order by seq")
                        .param(key)
                        .query(String.class)
                        .list())
                .containsExactly("alert-source.registered", "alert-source.changed", "alert-source.removed");
    }

    @Test
    void aChangeOrRemovalOfAnOlderVersionIsRefusedWith409() {
        String key = "siem-" + suffix;
        admin.post("/api/v1/alert-sources", Map.of("key", key, "senders", List.of(sender)));
        admin.put("/api/v1/alert-sources/" + key, Map.of("description", "first", "enabled", true, "version", 0));

        ApiClient.Answer stale = admin.put(
                "/api/v1/alert-sources/" + key, Map.of("description", "second", "enabled", true, "version", 0));
        ApiClient.Answer staleRemoval = admin.delete("/api/v1/alert-sources/" + key + "?version=0");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(staleRemoval.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/alert-sources/" + key)
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("first");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String key = "ids-" + suffix;
        assertField(admin.post("/api/v1/alert-sources", Map.of("key", "Wazuh Prod!")), 400, "key");
        assertField(admin.post("/api/v1/alert-sources", Map.of("key", "x".repeat(101))), 400, "key");
        assertField(
                admin.post("/api/v1/alert-sources", Map.of("key", key, "senders", List.of("no-such-" + suffix))),
                400,
                "senders");
        assertField(
                admin.post("/api/v1/alert-sources", Map.of("key", key, "description", "d".repeat(2_001))),
                400,
                "description");
        assertThat(admin.get("/api/v1/alert-sources/" + key).status()).isEqualTo(404);

        admin.post("/api/v1/alert-sources", Map.of("key", key));
        assertField(admin.post("/api/v1/alert-sources", Map.of("key", key)), 409, "key");
        assertField(admin.put("/api/v1/alert-sources/" + key, Map.of("enabled", true)), 400, "version");
        assertField(admin.delete("/api/v1/alert-sources/" + key), 400, "version");
        assertThat(admin.put("/api/v1/alert-sources/absent-" + suffix, Map.of("enabled", true, "version", 0))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsSeeOrManageSources() {
        String key = "siem-" + suffix;
        admin.post("/api/v1/alert-sources", Map.of("key", key, "senders", List.of(sender)));
        ApiClient handler = client(users.user("handler", Set.of(Role.HANDLER, Role.COORDINATOR, Role.AUDITOR)));

        assertThat(handler.get("/api/v1/alert-sources").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/alert-sources/" + key).status()).isEqualTo(403);
        assertThat(handler.post("/api/v1/alert-sources", Map.of("key", "mine-" + suffix))
                        .status())
                .isEqualTo(403);
        assertThat(handler.put(
                                "/api/v1/alert-sources/" + key,
                                Map.of("senders", List.of(), "enabled", true, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(handler.delete("/api/v1/alert-sources/" + key + "?version=0").status())
                .isEqualTo(403);
        JsonNode stored = admin.get("/api/v1/alert-sources/" + key).json();
        assertThat(stored.get("version").asLong()).isZero();
        assertThat(stored.get("senders").get(0).asString()).isEqualTo(sender);
    }

    @Test
    void removingASourceForgetsItsAlertsSoTheSameReferenceOpensANewIncident() {
        String key = "ndr-" + suffix;
        admin.post("/api/v1/alert-sources", Map.of("key", key, "senders", List.of(sender)));
        ApiClient machine = client(users.userNamed("ndr-bot-" + suffix, Set.of(Role.REPORTER)));
        admin.put(
                "/api/v1/alert-sources/" + key,
                Map.of("senders", List.of("ndr-bot-" + suffix), "enabled", true, "version", 0));
        Map<String, Object> alert = Map.of("source", key, "reference", "r-1", "severity", "low", "title", "Scan");
        String first =
                machine.post("/api/v1/alerts", alert).json().get("incident").asString();

        admin.delete("/api/v1/alert-sources/" + key + "?version=1");
        assertThat(machine.post("/api/v1/alerts", alert).status()).isEqualTo(403);
        admin.post("/api/v1/alert-sources", Map.of("key", key, "senders", List.of("ndr-bot-" + suffix)));
        ApiClient.Answer again = machine.post("/api/v1/alerts", alert);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("incident").asString()).isNotEqualTo(first);
    }

    private static void assertField(ApiClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
