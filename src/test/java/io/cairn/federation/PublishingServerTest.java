package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Publishing end to end, with the subscriber a small HTTP server of the test registered as a customer peer, whose
 * inbox takes one message at a time (an envelope of several is 415, so each goes alone): every message it receives
 * is a JWS that verifies with this instance's published keys and a payload the schema accepts; a
 * handler publishes, changes the words, changes the marking and retracts; a rule publishes GREEN and never AMBER; RED
 * is refused; a receiver that fails gets every message once it recovers, and one that was down catches up by the feed;
 * only handlers who may handle an incident share it.
 */
// the test pushes when it chooses, to count attempts: no pass starts on its own after a publication commits
@TestPropertySource(properties = {"cairn.federation.push-on-commit=false", "cairn.federation.push-interval=PT1H"})
class PublishingServerTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxPusher pusher;

    private HttpServer receiver;
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private ECKey peerKey;
    private ApiClient admin;
    private ApiClient handler;
    private UUID peer;

    @BeforeEach
    void aSubscriberPeer() throws IOException, com.nimbusds.jose.JOSEException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // an inbox that takes one message at a time: an envelope is 415, and the pusher sends its messages alone
        receiver.createContext("/federation/v1/inbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"application/jose".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                exchange.close();
                return;
            }
            int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (status == 200) {
                received.add(verified(new String(body, StandardCharsets.US_ASCII)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        peerKey = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyIDFromThumbprint(true)
                .generate();
        admin = client(users.user("pubadmin", Set.of(Role.ADMIN)));
        handler = client(users.user("pubhandler", Set.of(Role.HANDLER, Role.COORDINATOR)));
        ApiClient.Answer registered = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        "Customer " + UUID.randomUUID(),
                        "baseUrl",
                        base(),
                        "role",
                        "customer",
                        "keys",
                        new JWKSet(peerKey.toPublicJWK()).toJSONObject(true)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        peer = UUID.fromString(registered.json().get("id").asString());
    }

    @AfterEach
    void stopTheSubscriber() {
        receiver.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private UUID subscription(boolean byRule) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into federation_subscription (id, peer_id, services, categories, auto_publish,
                  auto_confirmed_only, state, created_at, updated_at, version)
                values (?, ?, '{}', '{}', ?, false, 'active', now(), now(), 1)""").params(id, peer, byRule).update();
        return id;
    }

    private String incident(String tlp) {
        ApiClient.Answer reported = handler.post(
                "/api/v1/incidents",
                Map.of("title", "Storage breach " + UUID.randomUUID(), "description", "Disks were read", "tlp", tlp));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().get("id").asString();
    }

    private JsonNode verified(String jws) {
        try {
            JWSObject object = JWSObject.parse(jws);
            JWKSet keys = JWKSet.parse(
                    new ApiClient(port, null).get("/federation/v1/jwks.json").body());
            ECKey key = (ECKey) keys.getKeyByKeyId(object.getHeader().getKeyID());
            assertThat(object.getHeader().getType().getType()).isEqualTo("cairn-exchange+jws");
            assertThat(object.verify(new ECDSAVerifier(key))).isTrue();
            JsonNode message = ExchangeJson.MAPPER.readTree(object.getPayload().toBytes());
            assertThat(ExchangeValidator.schemaProblems(message)).isEmpty();
            return message;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void pushAll() {
        jdbc.sql("update federation_outbox set next_attempt_at = now() where state = 'pending'")
                .update();
        pusher.pushDue();
    }

    private JsonNode publication(String incident) {
        return handler.get("/api/v1/incidents/" + incident + "/publication").json();
    }

    @Test
    void aHandlerPublishesChangesTheWordsAndTheMarkingAndRetracts() {
        UUID subscription = subscription(false);
        String incident = incident("AMBER");
        JsonNode state = publication(incident);
        assertThat(state.get("allows").asString()).isEqualTo("own-customers");
        assertThat(state.get("subscriptions").valueStream().map(s -> s.get("id").asString()))
                .contains(subscription.toString());

        Map<String, Object> words = new LinkedHashMap<>();
        words.put("summary", "Customer data on one storage cluster was read.");
        words.put("recommendedActions", List.of("Rotate your storage keys", "Check your access logs"));
        words.put(
                "personalData",
                Map.of("breach", true, "dataCategories", List.of("contact details"), "approximateSubjects", 1200));
        ApiClient.Answer published = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of("subscriptions", List.of(subscription.toString()), "words", words));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        pushAll();
        assertThat(received).hasSize(1);
        JsonNode first = received.get(0);
        assertThat(first.get("kind").asString()).isEqualTo("publication");
        assertThat(first.get("recipient").get("url").asString()).isEqualTo(base());
        assertThat(first.get("subscription").asString()).isEqualTo(subscription.toString());
        assertThat(first.get("incident").get("id").asString()).isNotEqualTo(incident);
        assertThat(first.get("incident").get("version").asLong()).isEqualTo(1);
        assertThat(first.get("incident").get("tlp").asString()).isEqualTo("AMBER");
        assertThat(first.get("incident").get("recommendedActions").size()).isEqualTo(2);
        assertThat(first.get("incident")
                        .get("personalData")
                        .get("approximateSubjects")
                        .asLong())
                .isEqualTo(1200);
        long version = published.json().get("version").asLong();

        ApiClient.Answer raced = handler.put(
                "/api/v1/incidents/" + incident + "/publication", Map.of("summary", "Loser", "version", version + 5));
        assertThat(raced.status()).isEqualTo(409);
        ApiClient.Answer reworded = handler.put(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of("summary", "Read, and now contained.", "version", version));
        assertThat(reworded.status()).as(reworded.toString()).isEqualTo(200);
        version = reworded.json().get("version").asLong();

        JsonNode view = handler.get("/api/v1/incidents/" + incident).json();
        ApiClient.Answer marked = handler.post(
                "/api/v1/incidents/" + incident + "/mark",
                Map.of(
                        "tlp", "GREEN",
                        "pap", "GREEN",
                        "confidential", false,
                        "reason", "Published advisory",
                        "version", view.get("version").asLong()));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        ApiClient.Answer noted =
                handler.post("/api/v1/incidents/" + incident + "/notes", Map.of("text", "Nothing the message carries"));
        assertThat(noted.status()).as(noted.toString()).isIn(200, 201);
        version = publication(incident).get("version").asLong();
        ApiClient.Answer retracted = handler.post(
                "/api/v1/incidents/" + incident + "/publication/retraction",
                Map.of("reason", "It was a test of the storage alarms", "version", version));
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(200);
        pushAll();

        assertThat(received).hasSize(4);
        received.sort(java.util.Comparator.comparingLong(
                m -> m.get("incident").get("version").asLong()));
        assertThat(received.stream().map(m -> m.get("kind").asString()))
                .containsExactly("publication", "publication", "marking", "retraction");
        assertThat(received.stream().map(m -> m.get("incident").get("version").asLong()))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(received.get(1).get("incident").get("summary").asString()).isEqualTo("Read, and now contained.");
        JsonNode marking = received.get(2);
        assertThat(marking.get("markingChange").get("reason").asString()).isEqualTo("Published advisory");
        assertThat(marking.get("markingChange").get("previousTlp").asString()).isEqualTo("AMBER");
        assertThat(marking.get("incident").get("tlp").asString()).isEqualTo("GREEN");
        assertThat(received.get(3).get("retraction").get("reason").asString())
                .isEqualTo("It was a test of the storage alarms");
        assertThat(received.stream().map(m -> m.get("messageId").asString()).distinct())
                .hasSize(4);
        assertThat(jdbc.sql("select action from audit_record where object_id = ? and object_type = ? order by seq")
                        .params(incident, "federation-publication")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "federation-publication.published",
                        "federation-publication.reworded",
                        "federation-publication.marking-changed",
                        "federation-publication.retracted");
    }

    @Test
    void aRulePublishesGreenIncidentsAndUpdatesButNeverAmberAndRedNeverLeaves() {
        UUID subscription = subscription(true);
        String amber = incident("AMBER");
        String green = incident("GREEN");
        pushAll();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("subscription").asString()).isEqualTo(subscription.toString());
        assertThat(publication(amber).get("state").asString()).isEqualTo("unpublished");
        assertThat(publication(green)
                        .get("subscriptions")
                        .get(0)
                        .get("chosenBy")
                        .asString())
                .isEqualTo("rule");

        JsonNode view = handler.get("/api/v1/incidents/" + green).json();
        handler.post(
                "/api/v1/incidents/" + green + "/describe",
                Map.of(
                        "title",
                        "Storage breach, contained",
                        "description",
                        "Disks were read",
                        "version",
                        view.get("version").asLong()));
        view = handler.get("/api/v1/incidents/" + green).json();
        handler.post(
                "/api/v1/incidents/" + green + "/mark",
                Map.of(
                        "tlp",
                        "RED",
                        "pap",
                        "RED",
                        "confidential",
                        false,
                        "version",
                        view.get("version").asLong()));
        pushAll();
        received.sort(java.util.Comparator.comparingLong(
                m -> m.get("incident").get("version").asLong()));
        assertThat(received.stream().map(m -> m.get("kind").asString()))
                .containsExactly("publication", "publication", "retraction");
        assertThat(received.get(1).get("incident").get("title").asString()).isEqualTo("Storage breach, contained");
        assertThat(received.get(2).get("incident").get("tlp").asString()).isEqualTo("GREEN");
        assertThat(publication(green).get("state").asString()).isEqualTo("retracted");

        String red = incident("RED");
        ApiClient.Answer refused = handler.post(
                "/api/v1/incidents/" + red + "/publication", Map.of("subscriptions", List.of(subscription.toString())));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("tlp");
    }

    @Test
    void aReceiverThatFailsGetsEveryMessageOnceItRecoversAndOneThatWasDownCatchesUpByTheFeed() throws Exception {
        UUID subscription = subscription(true);
        failures.set(2);
        incident("GREEN");
        incident("CLEAR");
        pushAll();
        assertThat(received).isEmpty();
        assertThat(jdbc.sql(
                                "select count(*) from federation_outbox where peer_id = ? and attempts = 1 and state = 'pending'")
                        .param(peer)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        pushAll();
        assertThat(received).hasSize(2);

        receiver.stop(0);
        incident("GREEN");
        pusher.pushDue();
        JsonNode page = feed(subscription, null, "2");
        assertThat(page.get("messages").size()).isEqualTo(2);
        JsonNode rest = feed(subscription, page.get("next").asString(), null);
        assertThat(rest.get("messages").size()).isEqualTo(1);
        assertThat(verified(rest.get("messages").get(0).asString()).get("kind").asString())
                .isEqualTo("publication");
        assertThat(feed(subscription, rest.get("next").asString(), null)
                        .get("messages")
                        .size())
                .isZero();
        assertThat(feedAnswer(subscription, "not-a-cursor", null).body()).contains("after");
        assertThat(feedAnswer(subscription, "not-a-cursor", null).statusCode()).isEqualTo(400);
        assertThat(feedAnswer(subscription, null, "1001").statusCode()).isEqualTo(400);
        assertThat(feedAnswer(UUID.randomUUID(), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMessageThatExpiredOrWhoseKeyWentOutOfGraceBeforeItLeftIsIssuedAgainOnceAndAudited() throws Exception {
        UUID subscription = subscription(true);
        incident("GREEN");
        String stored = outboxMessage(subscription);
        assertThat(jdbc.sql("""
                        select count(*) from federation_outbox where subscription_id = ?
                          and expires_at = (convert_from(decode(rpad(translate(split_part(jws, '.', 2), '-_', '+/'),
                                (length(split_part(jws, '.', 2)) + 3) / 4 * 4, '='), 'base64'),
                                'UTF8')::jsonb ->> 'expiresAt')::timestamptz""").param(subscription).query(Long.class).single())
                .as("the migration reads the expiry of the rows queued before it from their payload as queuing does")
                .isEqualTo(1);
        // the subscriber was away longer than a message lives (and no scheduled pass pushes it meanwhile)
        jdbc.sql("""
                        update federation_outbox set expires_at = now() - interval '1 second',
                          next_attempt_at = now() + interval '1 hour' where subscription_id = ?""").param(subscription).update();

        String served = feed(subscription, null, null).get("messages").get(0).asString();

        JsonNode before = ExchangeJson.MAPPER.readTree(
                JWSObject.parse(stored).getPayload().toBytes());
        JsonNode after = verified(served);
        assertThat(served).isNotEqualTo(stored).isEqualTo(outboxMessage(subscription));
        assertThat(after.get("messageId")).isEqualTo(before.get("messageId"));
        assertThat(after.get("incident")).isEqualTo(before.get("incident"));
        assertThat(Instant.parse(after.get("issuedAt").asString()))
                .isAfter(Instant.parse(before.get("issuedAt").asString()));
        assertThat(reissueRecords(served)).isEqualTo(1);
        assertThat(feed(subscription, null, null).get("messages").get(0).asString())
                .as("issued again once, then served as issued")
                .isEqualTo(served);

        // the key it was signed with is rotated out, and its grace is over when the message is pushed
        String kid = JWSObject.parse(served).getHeader().getKeyID();
        assertThat(admin.post("/api/v1/federation/keys/rotation", Map.of("activeKid", kid))
                        .status())
                .isEqualTo(201);
        jdbc.sql("update federation_signing_key set valid_until = now() where kid = ?")
                .param(kid)
                .update();
        Thread.sleep(SigningKeyring.ACTIVE_KEY_REREAD.toMillis());
        pushAll();

        assertThat(received).hasSize(1);
        String pushed = outboxMessage(subscription);
        assertThat(JWSObject.parse(pushed).getHeader().getKeyID()).isNotEqualTo(kid);
        assertThat(received.get(0).get("messageId")).isEqualTo(before.get("messageId"));
        assertThat(reissueRecords(pushed)).isEqualTo(1);
    }

    private String outboxMessage(UUID subscription) {
        return jdbc.sql("select jws from federation_outbox where subscription_id = ?")
                .param(subscription)
                .query(String.class)
                .single();
    }

    private long reissueRecords(String jws) {
        return jdbc.sql(
                        "select count(*) from audit_record where action = 'exchange-message.reissued' and after_digest = ?")
                .param(ExchangeSignatures.sha256(jws))
                .query(Long.class)
                .single();
    }

    @Test
    void onlyHandlersWhoMayHandleAnIncidentShareIt() {
        UUID subscription = subscription(false);
        String incident = incident("AMBER");
        ApiClient reporter = client(users.user("pubreporter", Set.of(Role.REPORTER)));
        ApiClient.Answer byReporter = reporter.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of("subscriptions", List.of(subscription.toString())));
        assertThat(byReporter.status()).isIn(403, 404);
        ApiClient.Answer confidential = handler.post(
                "/api/v1/incidents",
                Map.of("title", "Secret", "description", "Secret", "tlp", "GREEN", "confidential", true));
        String secret = confidential.json().get("id").asString();
        ApiClient other = client(users.user("pubother", Set.of(Role.HANDLER)));
        assertThat(other.get("/api/v1/incidents/" + secret + "/publication").status())
                .isEqualTo(404);
        assertThat(other.post(
                                "/api/v1/incidents/" + secret + "/publication",
                                Map.of("subscriptions", List.of(subscription.toString())))
                        .status())
                .isEqualTo(404);
        ApiClient.Answer bad = handler.post(
                "/api/v1/incidents/" + incident + "/publication",
                Map.of(
                        "subscriptions",
                        List.of("nope", UUID.randomUUID().toString()),
                        "words",
                        Map.of("hopBudget", 17, "recommendedActions", List.of(" "))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("subscriptions[0]").contains("subscriptions[1]");
    }

    private JsonNode feed(UUID subscription, String after, String limit) throws Exception {
        HttpResponse<String> answer = feedAnswer(subscription, after, limit);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ExchangeJson.MAPPER.readTree(answer.body());
    }

    private HttpResponse<String> feedAnswer(UUID subscription, String after, String limit) throws Exception {
        String path = "/federation/v1/subscriptions/" + subscription + "/feed";
        String query = (after == null ? "" : "after=" + after) + (limit == null ? "" : "&limit=" + limit);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(base())
                .audience("http://localhost:8080")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", "GET")
                .claim("htu", "http://localhost:8080" + path)
                .build();
        String token = Signatures.sign(
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(peerKey.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims),
                peerKey);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?" + query))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
