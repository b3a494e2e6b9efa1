package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
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
 * Handlers add, list, revise and remove an incident's observables through the API; each observable names the other
 * incidents that share it, but only those the reader may see; reporters and other teams read none of it.
 */
class ObservableApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient handler;
    ApiClient otherTeamHandler;
    TestUser handlerUser;
    String address;

    @BeforeEach
    void signIn() {
        String suffix = Long.toString(System.nanoTime(), 36);
        TeamId team = users.teamNamed("cert-" + suffix);
        TeamId otherTeam = users.teamNamed("soc-" + suffix);
        handlerUser = users.userNamed("obs-handler-" + suffix, Set.of(Role.HANDLER), team);
        handler = client(handlerUser);
        otherTeamHandler = client(users.userNamed("obs-soc-" + suffix, Set.of(Role.HANDLER), otherTeam));
        // an address of its own for each test, so that other tests' incidents do not share it
        address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff);
    }

    private String incident(ApiClient as, String title, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title, "description", "About " + title));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        ApiClient.Answer created = as.post("/api/v1/incidents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode add(ApiClient as, String incident, String type, String value) {
        ApiClient.Answer added =
                as.post("/api/v1/incidents/" + incident + "/observables", Map.of("type", type, "value", value));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    @Test
    void aHandlerAddsAnObservableInItsNormalFormMarkedAsTheIncidentAndAnIndicator() {
        String incident = incident(handler, "Beaconing", "tlp", "AMBER+STRICT");

        JsonNode added = add(handler, incident, "ipv6-addr", address.toUpperCase());

        assertThat(added.get("value").asString()).isEqualTo(address);
        assertThat(added.get("tlp").asString()).isEqualTo("AMBER+STRICT");
        assertThat(added.get("ioc").asBoolean()).isTrue();
        assertThat(added.get("source").asString()).isEqualTo("handler");
        assertThat(added.get("version").asLong()).isZero();
        JsonNode listed =
                handler.get("/api/v1/incidents/" + incident + "/observables").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(added.get("id").asString());
        assertThat(jdbc.sql("select action from audit_record where object_id = ? order by seq")
                        .param(incident)
                        .query(String.class)
                        .list())
                .contains("incident.observable-added");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline")
                        .json()
                        .toString())
                .contains("observable-added")
                .doesNotContain(address);
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() {
        String incident = incident(handler, "Bad input");
        String path = "/api/v1/incidents/" + incident + "/observables";

        ApiClient.Answer notAnAddress = handler.post(path, Map.of("type", "ipv4-addr", "value", "10.0.0.0/8"));
        ApiClient.Answer unknownType = handler.post(path, Map.of("type", "smell", "value", "x"));
        ApiClient.Answer leadingZeros = handler.post(path, Map.of("type", "ipv4-addr", "value", "010.1.1.1"));

        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(notAnAddress.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notAnAddress.body()).contains("value", "IPv4");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("type", "ipv4-addr");
        assertThat(leadingZeros.status()).isEqualTo(400);
        assertThat(handler.get(path).json()).isEmpty();
        add(handler, incident, "domain-name", "Example.ORG");
        assertThat(handler.post(path, Map.of("type", "domain-name", "value", "example.org."))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anObservableShowsTheOtherIncidentsThatShareItOnlyThoseTheReaderMaySee() {
        String mine = incident(handler, "Mine");
        String shared = incident(otherTeamHandler, "Shared with everyone");
        String secret = incident(otherTeamHandler, "Confidential elsewhere", "confidential", true);
        add(handler, mine, "ipv6-addr", address);
        add(otherTeamHandler, shared, "ipv6-addr", address);
        add(otherTeamHandler, secret, "ipv6-addr", address);

        JsonNode seenIn = handler.get("/api/v1/incidents/" + mine + "/observables")
                .json()
                .get(0)
                .get("seenIn");
        List<String> seen =
                seenIn.valueStream().map(n -> n.get("id").asString()).toList();

        assertThat(seen).containsExactly(shared);
        assertThat(seenIn.toString()).doesNotContain("Confidential elsewhere");
        assertThat(handler.get("/api/v1/observables?type=ipv6-addr&value=" + address.toUpperCase())
                        .json()
                        .valueStream()
                        .map(n -> n.get("id").asString())
                        .toList())
                .containsExactlyInAnyOrder(mine, shared);
        JsonNode theirs = otherTeamHandler
                .get("/api/v1/incidents/" + shared + "/observables")
                .json();
        assertThat(theirs.get(0)
                        .get("seenIn")
                        .valueStream()
                        .map(n -> n.get("id").asString())
                        .toList())
                .containsExactlyInAnyOrder(mine, secret);
    }

    @Test
    void reportersAndOtherTeamsResolversReadNoObservables() {
        TestUser reporterUser = users.user("obs-reporter", Set.of(Role.REPORTER));
        ApiClient reporter = client(reporterUser);
        String own = reporter.post("/api/v1/incidents", Map.of("title", "My laptop", "description", "gone"))
                .json()
                .get("id")
                .asString();
        add(handler, own, "file-name", "invoice.pdf.exe");
        ApiClient resolver = client(users.user("obs-resolver", Set.of(Role.RESOLVER)));

        assertThat(reporter.get("/api/v1/incidents/" + own + "/observables").status())
                .isEqualTo(404);
        assertThat(reporter.get("/api/v1/observables?type=file-name&value=invoice.pdf.exe")
                        .status())
                .isEqualTo(403);
        assertThat(resolver.get("/api/v1/incidents/" + own + "/observables").status())
                .isEqualTo(404);
        assertThat(reporter.get("/api/v1/incidents/" + own + "/timeline").body())
                .doesNotContain("invoice.pdf.exe");
    }

    @Test
    void aChangeNeedsTheVersionTheHandlerSawAndARemovalToo() {
        String incident = incident(handler, "Versions");
        JsonNode added = add(
                handler, incident, "file-sha256", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
        String path = "/api/v1/incidents/" + incident + "/observables/"
                + added.get("id").asString();

        ApiClient.Answer revised = handler.patch(path, Map.of("tlp", "CLEAR", "ioc", false, "version", 0));
        ApiClient.Answer stale = handler.patch(path, Map.of("tlp", "RED", "version", 0));
        ApiClient.Answer staleRemoval = handler.delete(path + "?version=0");
        ApiClient.Answer removed = handler.delete(path + "?version=1");

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("tlp").asString()).isEqualTo("CLEAR");
        assertThat(revised.json().get("ioc").asBoolean()).isFalse();
        assertThat(revised.json().get("version").asLong()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(staleRemoval.status()).isEqualTo(409);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(handler.get("/api/v1/incidents/" + incident + "/observables").json())
                .isEmpty();
    }
}
