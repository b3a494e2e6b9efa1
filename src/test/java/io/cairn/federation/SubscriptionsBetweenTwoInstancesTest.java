package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FreePort;
import io.cairn.identity.TestUsers;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two Cairn instances on loopback ports with real HTTP between them: Alpha, a customer, subscribes at Bravo, its
 * provider, through Bravo's API, sees Bravo's catalogue, names one of Bravo's services as the one its own service runs
 * on, and cancels; Bravo's admin sees the subscription and sets its publication rule. Whoever may not is refused: a
 * provider peer asking for a customer's things (403 naming the role), a peer asking for another's subscription (404),
 * an unsigned request (401); bad filters are refused by field on both sides; a provider that does not answer is a
 * clear refusal and nothing is stored.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsBetweenTwoInstancesTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    private List<CairnInstance> instances = List.of();
    private ConfigurableApplicationContext alpha;
    private ConfigurableApplicationContext bravo;
    private String urlAlpha;
    private String urlBravo;
    private ApiClient adminAlpha;
    private ApiClient adminBravo;
    private String bravoAtAlpha;
    private String storage;
    private String compute;
    private String legacy;

    @BeforeAll
    void startTwoInstancesThatKnowEachOther() {
        Map<String, Object> settings = Map.of("cairn.federation.read-timeout", "PT5S");
        instances = List.of(CairnInstance.start("Alpha SaaS", settings), CairnInstance.start("Bravo IaaS", settings));
        alpha = instances.get(0).context();
        bravo = instances.get(1).context();
        urlAlpha = instances.get(0).url();
        urlBravo = instances.get(1).url();
        adminAlpha = instances.get(0).admin();
        adminBravo = instances.get(1).admin();
        TestUsers usersBravo = new TestUsers(bravo);
        bravoAtAlpha = id(adminAlpha.post(
                "/api/v1/federation/peers", Map.of("name", "Bravo IaaS", "baseUrl", urlBravo, "role", "provider")));
        id(adminBravo.post(
                "/api/v1/federation/peers", Map.of("name", "Customer Alpha", "baseUrl", urlAlpha, "role", "customer")));
        String team = usersBravo.team("platform").toString();
        storage = service(adminBravo, "Block storage", team);
        compute = service(adminBravo, "Compute", team);
        legacy = service(adminBravo, "Legacy storage", team);
        long version = adminBravo
                .get("/api/v1/services/" + legacy)
                .json()
                .get("version")
                .asLong();
        assertThat(adminBravo
                        .delete("/api/v1/services/" + legacy + "?version=" + version)
                        .status())
                .isLessThan(300);
    }

    @AfterAll
    void stopThem() {
        instances.forEach(CairnInstance::close);
    }

    @Test
    void aCustomerSubscribesThroughItsProvidersApiSeesTheCatalogueAndCancels() {
        JsonNode catalogue =
                ok(adminAlpha.post("/api/v1/federation/peers/" + bravoAtAlpha + "/catalogue/refresh", Map.of()));
        assertThat(catalogue.get("fetchedAt").isNull()).isFalse();
        assertThat(catalogue.get("services").valueStream().map(s -> s.get("id").asString()))
                .contains(storage, compute)
                .doesNotContain(legacy);

        JsonNode ours = created(adminAlpha.post(
                "/api/v1/federation/upstream-subscriptions",
                Map.of(
                        "provider",
                        bravoAtAlpha,
                        "services",
                        List.of(storage),
                        "minSeverity",
                        "high",
                        "categories",
                        List.of("intrusions", "malicious-code/infected-system"))));
        String id = ours.get("id").asString();
        assertThat(ours.get("state").asString()).isEqualTo("active");
        assertThat(ours.get("providerName").asString()).isEqualTo("Bravo IaaS");

        JsonNode atBravo =
                only(adminBravo.get("/api/v1/federation/subscriptions").json(), id);
        assertThat(atBravo.get("peerName").asString()).isEqualTo("Customer Alpha");
        assertThat(atBravo.get("filter").get("minSeverity").asString()).isEqualTo("high");
        assertThat(atBravo.get("rule").isNull()).isTrue();

        ApiClient.Answer runsOn = adminAlpha.post(
                "/api/v1/services",
                Map.of(
                        "name",
                        "Our web shop",
                        "ownerTeam",
                        new TestUsers(alpha).team("shop").toString(),
                        "criticality",
                        "high",
                        "provider",
                        Map.of("peer", bravoAtAlpha, "service", storage)));
        assertThat(runsOn.status()).as(runsOn.toString()).isEqualTo(201);
        assertThat(runsOn.json().get("provider").get("name").asString()).isEqualTo("Block storage");

        Map<String, Object> rule =
                Map.of("confirmedOnly", true, "minSeverity", "critical", "services", List.of(storage));
        JsonNode ruled = ok(
                adminBravo.put("/api/v1/federation/subscriptions/" + id + "/rule", Map.of("rule", rule, "version", 0)));
        assertThat(ruled.get("rule").get("minSeverity").asString()).isEqualTo("critical");
        assertThat(adminBravo
                        .put("/api/v1/federation/subscriptions/" + id + "/rule", Map.of("rule", rule, "version", 0))
                        .status())
                .as("the loser of a race")
                .isEqualTo(409);
        ApiClient.Answer retiredInRule = adminBravo.put(
                "/api/v1/federation/subscriptions/" + id + "/rule",
                Map.of("rule", Map.of("services", List.of(legacy)), "version", 1));
        assertThat(retiredInRule.status()).isEqualTo(400);
        assertThat(retiredInRule.body()).contains("rule.services[0]", "retired");

        JsonNode cancelled = ok(adminAlpha.delete("/api/v1/federation/upstream-subscriptions/" + id + "?version=0"));
        assertThat(cancelled.get("state").asString()).isEqualTo("cancelled");
        assertThat(only(adminBravo.get("/api/v1/federation/subscriptions").json(), id)
                        .get("state")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(adminAlpha
                        .delete("/api/v1/federation/upstream-subscriptions/" + id + "?version=1")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badFiltersAreRefusedByFieldOnBothSides() {
        ApiClient.Answer refused = adminAlpha.post(
                "/api/v1/federation/upstream-subscriptions",
                Map.of(
                        "provider",
                        bravoAtAlpha,
                        "services",
                        List.of(UUID.randomUUID().toString(), "not-an-id"),
                        "minSeverity",
                        "huge",
                        "categories",
                        List.of("nonsense")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "services[0]",
                        "not in the provider's catalogue",
                        "services[1]",
                        "minSeverity",
                        "categories[0]");

        PeerHttp.Answer atProvider = signed(
                alpha,
                urlBravo,
                "POST",
                "/federation/v1/subscriptions",
                "{\"services\":[\"" + compute + "\",\"" + legacy + "\",\"" + UUID.randomUUID()
                        + "\"],\"categories\":[\"intrusions\",\"intrusions/nonsense\"],\"minSeverity\":\"urgent\"}");
        String body = new String(atProvider.body(), StandardCharsets.UTF_8);
        assertThat(atProvider.status()).as(body).isEqualTo(400);
        assertThat(atProvider.contentType()).startsWith("application/problem+json");
        assertThat(body)
                .contains("services[1]: is a retired service")
                .contains("services[2]: is not one of this instance's services")
                .contains("categories[1]", "minSeverity")
                .doesNotContain("services[0]");
        PeerHttp.Answer everything = signed(alpha, urlBravo, "POST", "/federation/v1/subscriptions", "{}");
        assertThat(everything.status()).as("an empty filter: everything").isEqualTo(201);
    }

    @Test
    void whoMayNotIsRefused() throws Exception {
        PeerHttp.Answer providerAsks = signed(bravo, urlAlpha, "GET", "/federation/v1/services", null);
        assertThat(providerAsks.status()).isEqualTo(403);
        assertThat(new String(providerAsks.body(), StandardCharsets.UTF_8)).contains("customer", "provider");

        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(URI.create(urlBravo + "/federation/v1/services"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);

        PeerHttp.Answer made = signed(alpha, urlBravo, "POST", "/federation/v1/subscriptions", "{}");
        String id = ExchangeJson.MAPPER.readTree(made.body()).get("id").asString();
        // Bravo registers itself as a second customer: another peer than Alpha
        id(adminBravo.post(
                "/api/v1/federation/peers", Map.of("name", "Bravo itself", "baseUrl", urlBravo, "role", "customer")));
        assertThat(signed(bravo, urlBravo, "GET", "/federation/v1/subscriptions/" + id, null)
                        .status())
                .isEqualTo(404);
        assertThat(signed(bravo, urlBravo, "DELETE", "/federation/v1/subscriptions/" + id, null)
                        .status())
                .isEqualTo(404);
        assertThat(signed(alpha, urlBravo, "GET", "/federation/v1/subscriptions/" + id, null)
                        .status())
                .isEqualTo(200);
        assertThat(new String(
                        signed(bravo, urlBravo, "GET", "/federation/v1/subscriptions", null)
                                .body(),
                        StandardCharsets.UTF_8))
                .doesNotContain(id);
    }

    @Test
    void aProviderThatDoesNotAnswerIsRefusedAndNothingIsStored() {
        String silent = id(adminAlpha.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        "Silent provider",
                        "baseUrl",
                        "http://127.0.0.1:" + FreePort.any(),
                        "role",
                        "provider",
                        "keys",
                        adminBravo.get("/federation/v1/jwks.json").json())));
        int before = adminAlpha
                .get("/api/v1/federation/upstream-subscriptions")
                .json()
                .size();
        ApiClient.Answer refused =
                adminAlpha.post("/api/v1/federation/upstream-subscriptions", Map.of("provider", silent));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("provider", "did not answer");
        assertThat(adminAlpha
                        .get("/api/v1/federation/upstream-subscriptions")
                        .json()
                        .size())
                .isEqualTo(before);
        assertThat(adminAlpha
                        .get("/api/v1/federation/peers/" + silent + "/catalogue")
                        .json()
                        .get("fetchedAt")
                        .isNull())
                .isTrue();
        assertThat(adminAlpha
                        .post("/api/v1/federation/peers/" + silent + "/catalogue/refresh", Map.of())
                        .status())
                .isEqualTo(400);
    }

    private static PeerHttp.Answer signed(
            ConfigurableApplicationContext caller, String peerUrl, String method, String path, String body) {
        PeerView peer = caller.getBean(PeerRegistry.class).byBaseUrl(peerUrl).orElseThrow();
        PeerClient client = caller.getBean(PeerClient.class);
        Outcome<PeerHttp.Answer> answer = switch (method) {
            case "POST" -> client.post(peer, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
            case "DELETE" -> client.delete(peer, path);
            default -> client.get(peer, path);
        };
        return ((Outcome.Done<PeerHttp.Answer>) answer).value();
    }

    private static String service(ApiClient admin, String name, String team) {
        return id(admin.post("/api/v1/services", Map.of("name", name, "ownerTeam", team, "criticality", "high")));
    }

    private static JsonNode only(JsonNode list, String id) {
        return list.valueStream()
                .filter(s -> s.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list));
    }

    private static String id(ApiClient.Answer answer) {
        return created(answer).get("id").asString();
    }

    private static JsonNode created(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
