package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.FreePort;
import io.cairn.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The federation API of one server: its key set, the rotation of its signing key, and its peers, registered by URL
 * (this very server, on the loopback interface) or with pasted keys, changed, suspended, resumed and removed; each
 * change audited, each race refused as stale, and every peer that does not answer or answers garbage refused with the
 * reason, nothing stored.
 */
class FederationApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FirstSigningKey firstSigningKey;

    private ApiClient admin;
    private HttpServer fake;
    private final Map<String, String> fakeAnswers = new HashMap<>();

    @BeforeEach
    void anAdminAndAFakePeer() throws IOException {
        admin = client(users.user("fedadmin", Set.of(Role.ADMIN)));
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String answer = fakeAnswers.getOrDefault(path, "");
            if (answer.startsWith("redirect:")) {
                exchange.getResponseHeaders().add("Location", answer.substring(9));
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.isEmpty() ? 404 : 200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        fake.start();
    }

    @AfterEach
    void stopTheFakePeer() {
        fake.stop(0);
    }

    private String fakeBase(String path) {
        return "http://127.0.0.1:" + fake.getAddress().getPort() + path;
    }

    @Test
    void servesItsPublicKeysToAnyoneForAShortTime() {
        ApiClient.Answer keys = new ApiClient(port, null).get("/federation/v1/jwks.json");

        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(keys.header("Cache-Control")).contains("max-age=300").contains("public");
        JsonNode key = keys.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("EC");
        assertThat(key.get("crv").asString()).isEqualTo("P-256");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("alg").asString()).isEqualTo("ES256");
        assertThat(key.has("d")).isFalse();
        assertThat(keys.header("Set-Cookie")).isEmpty();
    }

    @Test
    void anAdminRotatesTheKeyAndTheRetiredOneStaysPublishedDuringItsGrace() {
        String active = activeKid();

        ApiClient.Answer rotated = admin.post("/api/v1/federation/keys/rotation", Map.of("activeKid", active));
        ApiClient.Answer raced = admin.post("/api/v1/federation/keys/rotation", Map.of("activeKid", active));

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        String next = rotated.json().get("kid").asString();
        assertThat(next).isNotEqualTo(active);
        assertThat(raced.status()).as(raced.toString()).isEqualTo(409);
        assertThat(raced.body()).contains("activeKid").contains(next);
        assertThat(published()).contains(active, next);
        assertThat(admin.get("/api/v1/federation/keys")
                        .json()
                        .valueStream()
                        .filter(key -> key.get("kid").asString().equals(active))
                        .findFirst()
                        .orElseThrow()
                        .get("state")
                        .asString())
                .isEqualTo("retired");
        assertThat(actions(active)).endsWith("federation-key.retired");
        assertThat(actions(next)).containsExactly("federation-key.generated");
    }

    @Test
    void theSigningKeysAreSealedInTheDatabaseAndOneStoredInTheClearIsSealedAtStart() throws Exception {
        ECKey clear = new ECKeyGenerator(Curve.P_256)
                .keyID("clear-" + System.nanoTime())
                .generate();
        jdbc.sql(
                        "insert into federation_signing_key (kid, private_jwk, created_at, retired_at, valid_until) "
                                + "values (?, ?, now() - interval '30 days', now() - interval '20 days', now() - interval '10 days')")
                .params(clear.getKeyID(), clear.toJSONString())
                .update();
        try {
            firstSigningKey.run(null);
            List<String> stored = jdbc.sql("select private_jwk from federation_signing_key")
                    .query(String.class)
                    .list();
            assertThat(stored).isNotEmpty().allSatisfy(key -> {
                assertThat(key.split("\\.")).as("a JWE in compact form").hasSize(5);
                assertThat(key).doesNotContain(clear.getD().toString());
            });
            assertThat(admin.get("/api/v1/federation/keys").body()).contains(clear.getKeyID());
        } finally {
            jdbc.sql("delete from federation_signing_key where kid = ?")
                    .param(clear.getKeyID())
                    .update();
        }
    }

    @Test
    void onlyAdminsSeeAndRotateKeysAndPeers() {
        ApiClient handler = client(users.user("fedhandler", Set.of(Role.HANDLER, Role.COORDINATOR, Role.AUDITOR)));

        assertThat(handler.get("/api/v1/federation/keys").status()).isEqualTo(403);
        assertThat(handler.post("/api/v1/federation/keys/rotation", Map.of("activeKid", activeKid()))
                        .status())
                .isEqualTo(403);
        assertThat(handler.get("/api/v1/federation/peers").status()).isEqualTo(403);
        assertThat(handler.post("/api/v1/federation/peers", peer("Nope", fakeBase(""), null))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void registersAPeerByItsUrlWithTheKeysItServes() {
        ApiClient.Answer registered =
                admin.post("/api/v1/federation/peers", peer("Ourselves", "http://127.0.0.1:" + port + "/", null));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode peer = registered.json();
        assertThat(peer.get("baseUrl").asString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(peer.get("keysOrigin").asString()).isEqualTo("fetched");
        assertThat(peer.get("state").asString()).isEqualTo("active");
        assertThat(peer.get("keyIds").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(published());
        assertThat(registered.header("Location"))
                .endsWith("/api/v1/federation/peers/" + peer.get("id").asString());
        assertThat(actions(peer.get("id").asString())).containsExactly("federation-peer.registered");

        ApiClient.Answer twice =
                admin.post("/api/v1/federation/peers", peer("Again", "http://127.0.0.1:" + port, null));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/field").asString()).isEqualTo("baseUrl");
        remove(peer);
    }

    @Test
    void refusesAPeerThatDoesNotAnswerOrAnswersGarbageAndStoresNothing() throws Exception {
        fakeAnswers.put("/garbage/federation/v1/jwks.json", "<html>not keys</html>");
        fakeAnswers.put(
                "/private/federation/v1/jwks.json",
                new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("k").generate()).toString(false));
        fakeAnswers.put(
                "/away/federation/v1/jwks.json", "redirect:http://localhost:" + port + "/federation/v1/jwks.json");
        fakeAnswers.put("/huge/federation/v1/jwks.json", "{\"keys\":[" + " ".repeat(70_000) + "]}");
        long before = peerCount();

        assertThat(refusal(peer("Down", "http://127.0.0.1:" + FreePort.any(), null)))
                .startsWith("baseUrl: http://127.0.0.1:")
                .contains("did not answer");
        assertThat(refusal(peer("Missing", fakeBase("/missing"), null)))
                .contains("answered HTTP 404 instead of its keys");
        assertThat(refusal(peer("Garbage", fakeBase("/garbage"), null))).contains("answered no usable key set");
        assertThat(refusal(peer("Private", fakeBase("/private"), null))).contains("key 0 has a private part");
        assertThat(refusal(peer("Away", fakeBase("/away"), null))).contains("redirected to another host");
        assertThat(refusal(peer("Huge", fakeBase("/huge"), null))).contains("answered more than 65536 bytes");
        assertThat(peerCount()).isEqualTo(before);
    }

    @Test
    void refusesBadInputNamingEachField() throws Exception {
        String privateKeys =
                new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("k").generate()).toString(false);

        ApiClient.Answer answer = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name", "",
                        "baseUrl", "https://user:pw@provider.example/?q=1",
                        "role", "boss",
                        "keys",
                                tools.jackson.databind.json.JsonMapper.builder()
                                        .build()
                                        .readValue(privateKeys, Map.class)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly("name", "role", "baseUrl", "keys");
        assertThat(refusal(peer("Plain", "http://provider.example", null))).contains("must use https");
        assertThat(refusal(peer("Ftp", "ftp://provider.example", null))).contains("must start with https://");
    }

    @Test
    void anAdminChangesSuspendsResumesRefreshesAndRemovesAPeerEachTimeAtTheVersionTheyRead() throws Exception {
        String pasted = new JWKSet(new ECKeyGenerator(Curve.P_256)
                        .keyIDFromThumbprint(true)
                        .generate()
                        .toPublicJWK())
                .toString();
        JsonNode peer = admin.post(
                        "/api/v1/federation/peers",
                        peer("Provider", "https://provider-" + System.nanoTime() + ".example", pasted))
                .json();
        String path = "/api/v1/federation/peers/" + peer.get("id").asString();
        assertThat(peer.get("keysOrigin").asString()).isEqualTo("pasted");

        ApiClient.Answer changed = admin.put(
                path,
                Map.of(
                        "name",
                        "Provider B.V.",
                        "baseUrl",
                        peer.get("baseUrl").asString(),
                        "role",
                        "customer",
                        "version",
                        0));
        ApiClient.Answer stale = admin.put(
                path,
                Map.of("name", "Late", "baseUrl", peer.get("baseUrl").asString(), "role", "customer", "version", 0));
        ApiClient.Answer suspended = admin.post(path + "/suspension", Map.of("suspended", true, "version", 1));
        ApiClient.Answer again = admin.post(path + "/suspension", Map.of("suspended", true, "version", 2));
        ApiClient.Answer resumed = admin.post(path + "/suspension", Map.of("suspended", false, "version", 2));
        ApiClient.Answer refreshed = admin.post(path + "/keys/refresh", Map.of("version", 3));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("keyIds")).isEqualTo(peer.get("keyIds"));
        assertThat(changed.json().get("role").asString()).isEqualTo("customer");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(suspended.json().get("state").asString()).isEqualTo("suspended");
        assertThat(again.status()).isEqualTo(409);
        assertThat(resumed.json().get("state").asString()).isEqualTo("active");
        assertThat(refreshed.status()).as("the peer's host does not exist").isEqualTo(400);
        assertThat(refreshed.json().at("/errors/0/field").asString()).isEqualTo("baseUrl");
        assertThat(admin.delete(path).status()).isEqualTo(400);
        assertThat(admin.delete(path + "?version=0").status()).isEqualTo(409);
        assertThat(admin.delete(path + "?version=3").status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
        assertThat(actions(peer.get("id").asString()))
                .containsExactly(
                        "federation-peer.registered",
                        "federation-peer.changed",
                        "federation-peer.suspended",
                        "federation-peer.resumed",
                        "federation-peer.removed");
    }

    private static Map<String, Object> peer(String name, String baseUrl, String keys) {
        Map<String, Object> peer = new HashMap<>(Map.of("name", name, "baseUrl", baseUrl, "role", "provider"));
        if (keys != null) {
            peer.put(
                    "keys",
                    tools.jackson.databind.json.JsonMapper.builder().build().readValue(keys, Map.class));
        }
        return peer;
    }

    private String refusal(Map<String, Object> peer) {
        ApiClient.Answer answer = admin.post("/api/v1/federation/peers", peer);
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json().get("detail").asString();
    }

    private void remove(JsonNode peer) {
        admin.delete("/api/v1/federation/peers/" + peer.get("id").asString() + "?version="
                + peer.get("version").asLong());
    }

    private String activeKid() {
        return admin.get("/api/v1/federation/keys")
                .json()
                .valueStream()
                .filter(key -> key.get("state").asString().equals("active"))
                .map(key -> key.get("kid").asString())
                .findFirst()
                .orElseThrow();
    }

    private List<String> published() {
        return new ApiClient(port, null)
                .get("/federation/v1/jwks.json")
                .json()
                .get("keys")
                .valueStream()
                .map(key -> key.get("kid").asString())
                .toList();
    }

    private long peerCount() {
        return jdbc.sql("select count(*) from federation_peer")
                .query(Long.class)
                .single();
    }

    private List<String> actions(String objectId) {
        return jdbc.sql("select action from audit_record where object_id = ? order by seq")
                .param(objectId)
                .query(String.class)
                .list();
    }
}
