package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cairn.ApiClient;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
 * Two Cairn instances on loopback ports, each with its own database, exchanging real HTTP: A registers B as a peer
 * by its URL and fetches its keys, each calls the other's {@code whoami} with a signed request, every request that
 * fails a check is refused 401 with the reason, and when B rotates its key A still verifies what B signed with the old
 * one during the grace period, and not after.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationBetweenTwoInstancesTest {

    /** B's grace period, short so that the test sees it end. */
    private static final Duration GRACE = Duration.ofSeconds(6);

    private static final HttpClient http = HttpClient.newHttpClient();

    private List<CairnInstance> instances = List.of();
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private String urlA;
    private String urlB;
    private ApiClient adminA;
    private ApiClient adminB;

    @BeforeAll
    void startTwoInstances() {
        instances = List.of(
                CairnInstance.start("Alpha SaaS", Map.of("cairn.federation.key-grace", "P7D")),
                CairnInstance.start("Bravo IaaS", Map.of("cairn.federation.key-grace", GRACE.toString())));
        a = instances.get(0).context();
        b = instances.get(1).context();
        urlA = instances.get(0).url();
        urlB = instances.get(1).url();
        adminA = instances.get(0).admin();
        adminB = instances.get(1).admin();
    }

    @AfterAll
    void stopThem() {
        instances.forEach(CairnInstance::close);
    }

    @Test
    void peersAuthenticateEachOtherAndARotationBreaksNothingDuringItsGrace() throws Exception {
        JsonNode bAtA = created(adminA.post(
                "/api/v1/federation/peers", Map.of("name", "Our provider", "baseUrl", urlB + "/", "role", "provider")));
        ensurePeer(adminB, urlA);
        assertThat(bAtA.get("keyIds").get(0).asString()).isEqualTo(activeKid(b));

        assertThat(text(whoami(a, urlB))).contains("\"name\":\"Customer Alpha\"", "\"role\":\"customer\"");
        assertThat(text(whoami(b, urlA))).contains("\"name\":\"Our provider\"");

        String signedBefore = ExchangeSignatures.sign("{\"any\":\"payload\"}".getBytes(StandardCharsets.UTF_8), key(b));
        assertThat(verifiedAtA(signedBefore)).isInstanceOf(Outcome.Done.class);

        String oldKid = activeKid(b);
        ApiClient.Answer rotated = adminB.post("/api/v1/federation/keys/rotation", Map.of("activeKid", oldKid));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        assertThat(whoami(b, urlA).status())
                .as("A fetches B's new key on its unknown kid")
                .isEqualTo(200);
        assertThat(verifiedAtA(signedBefore)).as("during the grace period").isInstanceOf(Outcome.Done.class);

        Thread.sleep(GRACE.plusSeconds(1).toMillis());
        JsonNode peer = adminA.get("/api/v1/federation/peers/" + bAtA.get("id").asString())
                .json();
        ApiClient.Answer refreshed = adminA.post(
                "/api/v1/federation/peers/" + peer.get("id").asString() + "/keys/refresh",
                Map.of("version", peer.get("version").asLong()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().get("keyIds").valueStream().map(JsonNode::asString))
                .containsExactly(activeKid(b));
        assertThat(verifiedAtA(signedBefore))
                .as("after the grace period")
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal().message())
                                .contains("the signer has no key with the JWS's kid"));
        assertThat(whoami(b, urlA).status()).isEqualTo(200);
    }

    @Test
    void aRequestThatFailsACheckIsRefusedWithTheReason() throws Exception {
        ensurePeer(adminB, urlA);
        String whoamiB = urlB + "/federation/v1/whoami";

        assertThat(call(whoamiB, null).body()).contains("a peer must sign this request");
        assertThat(call(whoamiB, null).statusCode()).isEqualTo(401);
        String token = a.getBean(PeerClient.class).token(urlB, "GET", URI.create(whoamiB));
        assertThat(call(whoamiB, token).statusCode()).isEqualTo(200);
        assertThat(reason(whoamiB, token)).contains("a replay");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlB, "GET", urlB + "/federation/v1/other", 0, 120))))
                .contains("htu is not the request's URL");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlB, "POST", whoamiB, 0, 120))))
                .contains("htm");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlA, "GET", whoamiB, 0, 120))))
                .contains("aud is not");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlB, "GET", whoamiB, -600, -300))))
                .contains("expired");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlB, "GET", whoamiB, 0, 600))))
                .contains("at most 5 minutes");
        assertThat(reason(whoamiB, jwt(claims(urlA, urlB, "GET", whoamiB, 600, 700))))
                .contains("in the future");
        assertThat(reason(whoamiB, jwt(claims("https://stranger.example", urlB, "GET", whoamiB, 0, 120))))
                .contains("iss is not the base URL of a registered, active peer");
        String[] parts = token.split("\\.");
        assertThat(reason(whoamiB, parts[0] + "." + parts[1] + "x." + parts[2])).isNotBlank();
        assertThat(reason(whoamiB, "not-a-jwt")).contains("not a signed JWT");

        JsonNode alpha = peerAt(adminB, urlA);
        adminB.post(
                "/api/v1/federation/peers/" + alpha.get("id").asString() + "/suspension",
                Map.of("suspended", true, "version", alpha.get("version").asLong()));
        assertThat(reason(whoamiB, a.getBean(PeerClient.class).token(urlB, "GET", URI.create(whoamiB))))
                .contains("registered, active peer");
        JsonNode suspended = peerAt(adminB, urlA);
        adminB.post(
                "/api/v1/federation/peers/" + suspended.get("id").asString() + "/suspension",
                Map.of("suspended", false, "version", suspended.get("version").asLong()));
        assertThat(call(urlB + "/federation/v1/jwks.json", "garbage").statusCode())
                .as("the key set is public, whatever a request carries")
                .isEqualTo(200);
        assertThat(call(urlB + "/federation/v1/schema", null)
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""))
                .startsWith("application/schema+json");
    }

    /** A registered as a customer at B, by whichever test comes first. */
    private static synchronized void ensurePeer(ApiClient admin, String url) {
        if (admin.get("/api/v1/federation/peers")
                .json()
                .valueStream()
                .noneMatch(p -> p.get("baseUrl").asString().equals(url))) {
            created(admin.post(
                    "/api/v1/federation/peers", Map.of("name", "Customer Alpha", "baseUrl", url, "role", "customer")));
        }
    }

    private static JsonNode peerAt(ApiClient admin, String url) {
        return admin.get("/api/v1/federation/peers")
                .json()
                .valueStream()
                .filter(p -> p.get("baseUrl").asString().equals(url))
                .findFirst()
                .orElseThrow();
    }

    private static PeerHttp.Answer whoami(ConfigurableApplicationContext caller, String peerUrl) {
        PeerView peer = caller.getBean(PeerRegistry.class).byBaseUrl(peerUrl).orElseThrow();
        Outcome<PeerHttp.Answer> answer = caller.getBean(PeerClient.class).get(peer, "/federation/v1/whoami");
        return ((Outcome.Done<PeerHttp.Answer>) answer).value();
    }

    private static String text(PeerHttp.Answer answer) {
        return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
    }

    private Outcome<byte[]> verifiedAtA(String jws) {
        PeerView bAtA = a.getBean(PeerRegistry.class).byBaseUrl(urlB).orElseThrow();
        JWKSet keys = a.getBean(PeerRegistry.class).keysOf(bAtA.id()).orElseThrow();
        return ExchangeSignatures.verify(jws, keys, 256 * 1024);
    }

    private static String activeKid(ConfigurableApplicationContext instance) {
        return key(instance).getKeyID();
    }

    private static ECKey key(ConfigurableApplicationContext instance) {
        return instance.getBean(SigningKeyring.class).activeKey();
    }

    private JWTClaimsSet claims(String issuer, String audience, String method, String url, long from, long until) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.plusSeconds(from)))
                .expirationTime(Date.from(now.plusSeconds(until)))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", method)
                .claim("htu", url)
                .build();
    }

    private String jwt(JWTClaimsSet claims) {
        ECKey key = key(a);
        return Signatures.sign(
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims),
                key);
    }

    private static String reason(String url, String token) throws Exception {
        HttpResponse<String> answer = call(url, token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        return answer.body();
    }

    private static HttpResponse<String> call(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode created(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }
}
