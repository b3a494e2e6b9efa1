package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relaying end to end at one instance between a provider made in the test (which pushes signed messages to the inbox)
 * and a customer that is a small HTTP server of the test: a subscription's rule relays a GREEN incident with a new
 * exchange id, this instance as publisher, the hop budget less one and the extensions unchanged, nothing of the
 * provider in what is sent; the provider's later version and its retraction reach the copy; AMBER waits for a handler,
 * whose words may not name the provider unless confirmed; AMBER+STRICT and a spent hop budget are refused.
 */
// the test pushes when it chooses (its scheduled pass an hour away): the server of PublishingServerTest
@TestPropertySource(properties = {"cairn.federation.push-on-commit=false", "cairn.federation.push-interval=PT1H"})
class RelayServerTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxPusher pusher;

    @Autowired
    ThisInstance instance;

    private HttpServer receiver;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private String run;
    private ApiClient handler;
    private io.cairn.identity.TestUsers.TestUser handlerUser;
    private ProviderFixture provider;
    private UUID customer;

    @BeforeEach
    void aProviderAndACustomer() throws IOException {
        run = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("relay-admin-" + run, Set.of(Role.ADMIN)));
        handlerUser = users.user("relay-handler-" + run, Set.of(Role.HANDLER, Role.COORDINATOR));
        handler = client(handlerUser);
        provider = new ProviderFixture(
                admin, jdbc, instance.baseUrl(), port, "Upstream Iaas " + run, "https://iaas-" + run + ".example");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/federation/v1/inbox", exchange -> {
            StringBuilder all = new StringBuilder();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> all.append(name)
                            .append(": ")
                            .append(String.join(",", values))
                            .append('\n'));
            all.append('\n').append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            sent.add(all.toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        ApiClient.Answer registered = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        "Downstream " + run,
                        "baseUrl",
                        "http://127.0.0.1:" + receiver.getAddress().getPort(),
                        "role",
                        "customer",
                        "keys",
                        Map.of(
                                "keys",
                                List.of(ProviderFixture.newKey().toPublicJWK().toJSONObject()))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        customer = UUID.fromString(registered.json().get("id").asString());
    }

    @AfterEach
    void stopTheCustomer() {
        receiver.stop(0);
        jdbc.sql("update federation_subscription set state = 'cancelled' where peer_id = ?")
                .param(customer)
                .update();
    }

    private UUID subscription(boolean relayByRule) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into federation_subscription (id, peer_id, services, categories, auto_publish,
                  auto_confirmed_only, auto_relay, state, created_at, updated_at, version)
                values (?, ?, '{}', '{}', ?, false, ?, 'active', now(), now(), 1)""").params(id, customer, relayByRule, relayByRule).update();
        return id;
    }

    private JsonNode message(UUID exchange, long version, String tlp, int hops) {
        return ProviderFixture.edited(provider.publication(exchange, version), m -> {
            ObjectNode incident = m.withObject("incident");
            incident.put("tlp", tlp);
            incident.put("pap", "GREEN");
            incident.put("hopBudget", hops);
            incident.put("title", "Storage breach " + run);
            incident.set(
                    "indicators",
                    ExchangeJson.MAPPER.valueToTree(
                            List.of(Map.of("type", "ipv4-addr", "value", "203.0.113.7", "ioc", true, "tlp", "GREEN"))));
            return m;
        });
    }

    private String push(JsonNode message) {
        ApiClient.Answer answer = provider.push(provider.sign(message));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        AppliedMessages.await(jdbc);
        return jdbc.sql("select incident_id::text from federation_received_incident where exchange_id = ?")
                .param(UUID.fromString(message.get("incident").get("id").asString()))
                .query(String.class)
                .single();
    }

    private List<JsonNode> delivered() {
        jdbc.sql("update federation_outbox set next_attempt_at = now() where state = 'pending'")
                .update();
        pusher.pushDue();
        return sent.stream().map(RelayServerTest::payload).toList();
    }

    private static JsonNode payload(String request) {
        try {
            String jws = request.substring(request.indexOf("\n\n") + 2);
            return ExchangeJson.MAPPER.readTree(
                    JWSObject.parse(jws).getPayload().toBytes());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Nothing sent names the provider: its name, URL, host, key id, exchange id or the incident id here. */
    private void nothingNames(String... more) {
        List<String> identifiers = new ArrayList<>(List.of(
                provider.name, provider.baseUrl, "iaas-" + run + ".example", provider.key.getKeyID(), "Upstream Iaas"));
        identifiers.addAll(List.of(more));
        for (String request : sent) {
            String jws = request.substring(request.indexOf("\n\n") + 2);
            String decoded = request + "\n" + payload(request) + "\n" + header(jws);
            for (String identifier : identifiers) {
                assertThat(decoded.toLowerCase(java.util.Locale.ROOT))
                        .as("a relayed message names " + identifier)
                        .doesNotContain(identifier.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static String header(String jws) {
        try {
            return JWSObject.parse(jws).getHeader().toString();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRuleRelaysAGreenIncidentAndItsUpdateAndRetractionFollow() throws Exception {
        UUID subscription = subscription(true);
        UUID exchange = UUID.randomUUID();
        String incident = push(message(exchange, 1, "GREEN", 3));

        List<JsonNode> first = delivered();
        assertThat(first).hasSize(1);
        JsonNode copy = first.get(0);
        assertThat(copy.get("subscription").asString()).isEqualTo(subscription.toString());
        assertThat(copy.get("publisher").get("url").asString()).isEqualTo(instance.baseUrl());
        JsonNode part = copy.get("incident");
        assertThat(part.get("id").asString()).isNotEqualTo(exchange.toString()).isNotEqualTo(incident);
        assertThat(part.get("version").asLong()).isEqualTo(1);
        assertThat(part.get("hopBudget").asInt()).isEqualTo(2);
        assertThat(part.get("summary").asString())
                .isEqualTo("Objects of the storage service were read by an outsider.");
        assertThat(part.get("extensions").get("org.example:risk").get("score").asInt())
                .isEqualTo(7);
        assertThat(part.get("affectedServices").size())
                .as("none of ours runs on it")
                .isZero();
        assertThat(part.get("provenance").get("commitment").asString()).hasSize(64);
        assertThat(handler.get("/api/v1/incidents/" + incident + "/publication")
                        .json()
                        .get("relay")
                        .get("hopBudgetReceived")
                        .asInt())
                .isEqualTo(3);
        assertThat(handler.get("/api/v1/incidents?relayed=true&size=200").body())
                .contains(incident);
        assertThat(handler.get("/api/v1/incidents?relayed=false&size=200").body())
                .doesNotContain(incident);

        push(ProviderFixture.edited(message(exchange, 2, "GREEN", 3), m -> {
            m.withObject("incident").put("severity", "critical").put("status", "containment");
            return m;
        }));
        JsonNode update = delivered().get(1);
        assertThat(update.get("incident").get("id").asString())
                .isEqualTo(part.get("id").asString());
        assertThat(update.get("incident").get("version").asLong()).isEqualTo(2);
        assertThat(update.get("incident").get("severity").asString()).isEqualTo("critical");
        assertThat(update.get("incident").get("status").asString()).isEqualTo("containment");

        push(ProviderFixture.edited(message(exchange, 3, "GREEN", 3), m -> {
            m.put("kind", "retraction");
            m.set(
                    "retraction",
                    ExchangeJson.MAPPER.valueToTree(
                            Map.of("reason", "Upstream Iaas " + run + " found it was a drill")));
            return m;
        }));
        List<JsonNode> all = delivered();
        assertThat(all).hasSize(3);
        assertThat(all.get(2).get("kind").asString()).isEqualTo("retraction");
        assertThat(all.get(2).get("retraction").get("reason").asString()).isEqualTo(RelayFollowing.WITHDRAWN);
        nothingNames(exchange.toString(), incident);
        assertThat(page("/incidents/" + incident + "/received")).contains("Relayed");
    }

    @Test
    void amberWaitsForAHandlerWhoseWordsMayNotNameTheProvider() throws Exception {
        UUID subscription = subscription(true);
        String incident = push(message(UUID.randomUUID(), 1, "AMBER", 1));
        assertThat(delivered()).as("no rule relays AMBER").isEmpty();
        JsonNode state =
                handler.get("/api/v1/incidents/" + incident + "/publication").json();
        assertThat(state.get("allows").asString()).isEqualTo("own-customers");
        assertThat(state.get("words").get("hopBudget").asInt()).isZero();
        assertThat(page("/incidents/" + incident + "/share"))
                .contains("Relay to our customers", "At most 0: the hop budget received less one.");

        ApiClient.Answer naming = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of(
                        "subscriptions",
                        List.of(subscription.toString()),
                        "words",
                        Map.of("summary", "Our provider iaas-" + run + ".example was breached")));
        assertThat(naming.status()).as(naming.toString()).isEqualTo(400);
        assertThat(naming.body()).contains("summary", "names the provider");
        ApiClient.Answer tooMany = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of("subscriptions", List.of(subscription.toString()), "words", Map.of("hopBudget", 1)));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.body()).contains("hopBudget");

        ApiClient.Answer relayed = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of(
                        "subscriptions",
                        List.of(subscription.toString()),
                        "words",
                        Map.of("summary", "A storage service we run on was breached.")));
        assertThat(relayed.status()).as(relayed.toString()).isEqualTo(200);
        List<JsonNode> copies = delivered();
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).get("incident").get("tlp").asString()).isEqualTo("AMBER");
        assertThat(copies.get(0).get("incident").get("hopBudget").asInt()).isZero();
        assertThat(copies.get(0).get("incident").get("summary").asString())
                .isEqualTo("A storage service we run on was breached.");
        nothingNames(incident);
        assertThat(page("/incidents/" + incident + "/share")).contains("Published, version 1.");
    }

    @Test
    void wordsThatNameTheProviderAreNotRelayedByRuleAndAHandlerIsWarnedAndMustConfirm() throws Exception {
        UUID subscription = subscription(true);
        String incident = push(ProviderFixture.edited(message(UUID.randomUUID(), 1, "GREEN", 2), m -> {
            m.withObject("incident").put("summary", "Read at " + provider.name + ", see " + provider.baseUrl);
            return m;
        }));
        assertThat(delivered()).as("no rule relays words naming the provider").isEmpty();
        assertThat(page("/incidents/" + incident + "/share"))
                .contains("This text names the provider", "namesProviderConfirmed");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/publication")
                        .json()
                        .get("relay")
                        .get("namesProvider")
                        .get(0)
                        .asString())
                .isEqualTo("summary");
        ApiClient.Answer confirmed = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of("subscriptions", List.of(subscription.toString()), "namesProviderConfirmed", true));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(delivered()).hasSize(1);
    }

    @Test
    void anIncidentReportedHereKeepsItsShareSectionWithoutRelayRules() throws Exception {
        subscription(false);
        ApiClient.Answer reported = handler.post(
                "/api/v1/incidents", Map.of("title", "Ours " + run, "description", "Our own disks", "tlp", "GREEN"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incident = reported.json().get("id").asString();
        JsonNode state =
                handler.get("/api/v1/incidents/" + incident + "/publication").json();
        assertThat(state.get("relay").isNull()).isTrue();
        assertThat(state.get("words").get("hopBudget").asInt()).isEqualTo(4);
        assertThat(page("/incidents/" + incident + "/share"))
                .contains("Share with customers", "Personal data")
                .doesNotContain("Relay to our customers", "names the provider");
    }

    @Test
    void amberStrictAndASpentHopBudgetAreNeverRelayed() throws Exception {
        UUID subscription = subscription(true);
        String strict = push(message(UUID.randomUUID(), 1, "AMBER+STRICT", 0));
        String spent = push(message(UUID.randomUUID(), 1, "GREEN", 0));
        assertThat(delivered()).isEmpty();

        assertThat(handler.get("/api/v1/incidents/" + strict + "/publication")
                        .json()
                        .get("allows")
                        .asString())
                .isEqualTo("stays-here");
        assertThat(handler.get("/api/v1/incidents/" + spent + "/publication")
                        .json()
                        .get("allows")
                        .asString())
                .isEqualTo("hops-spent");
        for (String incident : List.of(strict, spent)) {
            ApiClient.Answer refused = handler.post(
                    "/api/v1/incidents/" + incident + "/publication",
                    Map.of("subscriptions", List.of(subscription.toString())));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }
        assertThat(page("/incidents/" + strict + "/share")).contains("Relay to our customers", "never relayed");
        assertThat(page("/incidents/" + spent + "/share")).contains("hop budget of 0");
        assertThat(page("/incidents/" + spent + "/received")).doesNotContain("Relayed");
    }

    private String page(String path) throws Exception {
        return io.cairn.Pages.of((org.springframework.web.context.WebApplicationContext) context)
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(users.authentication(handlerUser))))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
