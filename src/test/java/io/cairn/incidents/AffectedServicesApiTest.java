package io.cairn.incidents;

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
 * Handlers name the services an incident affects on the incident's version; the incident's JSON, its timeline, the
 * audit trail and the list's filter show them, and nobody who may not see the incident reads them.
 */
class AffectedServicesApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient handler;
    String s;
    TeamId team;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        team = users.teamNamed("svc-cert-" + s);
        admin = client(users.userNamed("svc-adm-" + s, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("svc-handler-" + s, Set.of(Role.HANDLER), team));
    }

    private String service(String name) {
        ApiClient.Answer created = admin.post(
                "/api/v1/services",
                Map.of("name", name + " " + s, "ownerTeam", team.toString(), "criticality", "high"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String incident(ApiClient as, String title) {
        ApiClient.Answer created = as.post("/api/v1/incidents", Map.of("title", title + " " + s, "description", "x"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ApiClient.Answer name(ApiClient as, String incident, long version, String... services) {
        return as.put(
                "/api/v1/incidents/" + incident + "/services",
                Map.of("services", List.of(services), "version", version));
    }

    @Test
    void aHandlerNamesTheAffectedServicesAndTheyShowInTheIncidentTimelineTrailAndList() {
        String shop = service("Webshop");
        String mail = service("Mail");
        String incident = incident(handler, "Checkout down");
        String other = incident(handler, "Unrelated");

        ApiClient.Answer named = name(handler, incident, 0, shop, mail);

        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.json().get("version").asLong()).isEqualTo(1);
        JsonNode read = handler.get("/api/v1/incidents/" + incident).json();
        assertThat(read.get("affectedServices")
                        .valueStream()
                        .map(a -> a.get("name").asString()))
                .containsExactlyInAnyOrder("Webshop " + s, "Mail " + s);
        String timeline =
                handler.get("/api/v1/incidents/" + incident + "/timeline").toString();
        assertThat(timeline).contains("services-changed").doesNotContain("Webshop " + s);
        assertThat(jdbc.sql("select action from audit_record where object_id = ? order by seq")
                        .param(incident)
                        .query(String.class)
                        .list())
                .contains("incident.services-changed");
        JsonNode listed = handler.get("/api/v1/incidents?service=" + shop).json();
        assertThat(listed.get("items").valueStream().map(i -> i.get("id").asString()))
                .contains(incident)
                .doesNotContain(other);
    }

    @Test
    void aRetiredServiceCannotBeNewlyNamedButStaysWhereItWasNamed() {
        String fax = service("Fax");
        String incident = incident(handler, "Fax spam");
        name(handler, incident, 0, fax);
        admin.delete("/api/v1/services/" + fax + "?version=0");

        assertThat(name(handler, incident, 1, fax).status()).isEqualTo(200);
        ApiClient.Answer refused = name(handler, incident(handler, "Later"), 0, fax);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("services");
        assertThat(handler.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("affectedServices")
                        .get(0)
                        .get("retired")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badInputAndAStaleVersionAreRefusedAndNothingIsNamed() {
        String incident = incident(handler, "Careful");
        String shop = service("Shop");

        ApiClient.Answer unknown = name(handler, incident, 0, UUID.randomUUID().toString());
        ApiClient.Answer malformed = name(handler, incident, 0, "not-a-uuid");
        ApiClient.Answer noVersion =
                handler.put("/api/v1/incidents/" + incident + "/services", Map.of("services", List.of(shop)));
        name(handler, incident, 0, shop);
        ApiClient.Answer stale = name(handler, incident, 0);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("services");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("errors").get(0).get("field").asString())
                .isEqualTo("version");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(handler.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("affectedServices")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aReporterOfAnotherIncidentNeitherReadsNorNamesItsServices() {
        String shop = service("Portal");
        String incident = incident(handler, "Confidential outage");
        name(handler, incident, 0, shop);
        ApiClient stranger = client(users.userNamed("svc-stranger-" + s, Set.of(Role.REPORTER)));

        assertThat(stranger.get("/api/v1/incidents/" + incident).status()).isIn(403, 404);
        assertThat(name(stranger, incident, 1).status()).isIn(403, 404);
        assertThat(stranger.get("/api/v1/incidents?service=" + shop)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("id").asString()))
                .doesNotContain(incident);
        assertThat(handler.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("affectedServices")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void theReporterOfTheIncidentReadsItButNotTheServicesItAffects() {
        String shop = service("Billing");
        ApiClient reporter = client(users.userNamed("svc-reporter-" + s, Set.of(Role.REPORTER)));
        String incident = incident(reporter, "My invoice is wrong");
        name(handler, incident, 0, shop);

        ApiClient.Answer read = reporter.get("/api/v1/incidents/" + incident);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("affectedServices").isEmpty()).isTrue();
        assertThat(reporter.get("/api/v1/incidents/" + incident + "/timeline").toString())
                .doesNotContain("Billing " + s);
    }
}
