package io.cairn.federation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cairn.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider peer made in a test: its own EC key, registered at the server under test by an admin with that key
 * pasted and a base URL of the test's choice, a subscription the server holds at it, and messages it signs as a
 * provider does: the bearer JWT of the request (as {@link PeerClient} makes it) and the JWS of the message (as
 * {@link ExchangeSignatures} makes it).
 */
final class ProviderFixture {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    final ECKey key;
    final String baseUrl;
    final String name;
    final UUID peerId;
    final UUID subscription;
    private final String serverBase;
    private final JdbcClient jdbc;
    private final int port;

    /** Registers the provider with a pasted key and makes a subscription the server holds at it. */
    ProviderFixture(ApiClient admin, JdbcClient jdbc, String serverBase, int port, String name, String baseUrl) {
        this(admin, jdbc, serverBase, port, name, baseUrl, "provider");
    }

    ProviderFixture(
            ApiClient admin, JdbcClient jdbc, String serverBase, int port, String name, String baseUrl, String role) {
        this.jdbc = jdbc;
        this.key = newKey();
        this.baseUrl = baseUrl;
        this.name = name;
        this.serverBase = serverBase;
        this.port = port;
        ApiClient.Answer registered = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        name,
                        "baseUrl",
                        baseUrl,
                        "role",
                        role,
                        "keys",
                        Map.of("keys", List.of(key.toPublicJWK().toJSONObject()))));
        if (registered.status() != 201) {
            throw new IllegalStateException(registered.toString());
        }
        this.peerId = UUID.fromString(registered.json().get("id").asString());
        this.subscription = UUID.randomUUID();
        jdbc.sql("""
                insert into federation_upstream_subscription (id, peer_id, services, min_severity, categories, state,
                  created_at, updated_at, version)
                values (?, ?, '{}', null, '{}', 'active', ?, ?, 0)""")
                .params(subscription, peerId, Timestamp.from(NOW), Timestamp.from(NOW))
                .update();
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid publication of version 1 of a new incident, as JSON to change before signing. */
    JsonNode publication(UUID exchangeId, long version) {
        Map<String, Object> incident = new java.util.LinkedHashMap<>();
        incident.put("id", exchangeId.toString());
        incident.put("version", version);
        incident.put("title", "Storage breach at the provider");
        incident.put("summary", "Objects of the storage service were read by an outsider.");
        incident.put(
                "category", Map.of("class", "information-content-security", "type", "unauthorised-information-access"));
        incident.put("status", "analysis");
        incident.put("determination", "confirmed");
        incident.put("severity", "high");
        incident.put("occurredAt", NOW.minus(Duration.ofHours(5)).toString());
        incident.put("detectedAt", NOW.minus(Duration.ofHours(4)).toString());
        incident.put("updatedAt", NOW.minus(Duration.ofMinutes(1)).toString());
        incident.put("affectedServices", List.of(Map.of("id", UUID.randomUUID().toString(), "name", "Object storage")));
        incident.put("recommendedActions", List.of("Rotate the access keys of your buckets"));
        incident.put(
                "indicators",
                List.of(
                        Map.of("type", "ipv4-addr", "value", "203.0.113.7", "ioc", true, "tlp", "GREEN"),
                        Map.of("type", "domain-name", "value", "not a domain!", "ioc", true, "tlp", "AMBER")));
        incident.put("personalData", null);
        incident.put("tlp", "AMBER");
        incident.put("pap", "AMBER");
        incident.put("hopBudget", 3);
        incident.put("provenance", Map.of("sealed", "eyJhbGciOiJFQ0RILUVTIn0.a.b.c.d", "commitment", "0".repeat(64)));
        incident.put("extensions", Map.of("org.example:risk", Map.of("score", 7)));
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("schema", "urn:cairn:exchange:1");
        message.put("messageId", UUID.randomUUID().toString());
        message.put("kind", "publication");
        message.put("issuedAt", NOW.toString());
        message.put("expiresAt", NOW.plus(Duration.ofDays(3)).toString());
        message.put("publisher", Map.of("name", name, "url", baseUrl));
        message.put("recipient", Map.of("url", serverBase));
        message.put("subscription", subscription.toString());
        message.put("incident", incident);
        return json.valueToTree(message);
    }

    /** The message changed by the edit, as JSON. */
    /**
     * Version {@code version} of a new incident that states a personal-data breach the provider became aware of at
     * {@code awareAt}: 1,200 people's e-mail addresses.
     */
    JsonNode breach(UUID exchangeId, long version, Instant awareAt) {
        return edited(publication(exchangeId, version), m -> {
            ((tools.jackson.databind.node.ObjectNode) m.get("incident"))
                    .set(
                            "personalData",
                            json.valueToTree(Map.of(
                                    "breach",
                                    true,
                                    "dataCategories",
                                    List.of("e-mail addresses"),
                                    "approximateSubjects",
                                    1200,
                                    "approximateRecords",
                                    5000,
                                    "likelyConsequences",
                                    "phishing",
                                    "measuresTaken",
                                    "keys rotated",
                                    "awareAt",
                                    awareAt.toString())));
            return m;
        });
    }

    /** The id of the incident the provider's exchange id became here. */
    String incidentOf(UUID exchange) {
        return jdbc.sql("select incident_id::text from federation_received_incident where peer_id = ? and "
                        + "exchange_id = ?")
                .params(peerId, exchange)
                .query(String.class)
                .single();
    }

    static JsonNode edited(JsonNode message, UnaryOperator<tools.jackson.databind.node.ObjectNode> edit) {
        return edit.apply(((tools.jackson.databind.node.ObjectNode) message).deepCopy());
    }

    /** The message signed with this provider's key. */
    String sign(JsonNode message) {
        return sign(message, key);
    }

    static String sign(JsonNode message, ECKey with) {
        return ExchangeSignatures.sign(json.writeValueAsBytes(message), with);
    }

    /** Pushes a signed message to the inbox as this provider, with its bearer JWT. */
    ApiClient.Answer push(String jws) {
        return push(jws, key, "application/jose");
    }

    ApiClient.Answer push(String jws, ECKey bearerKey, String contentType) {
        return send(HttpRequest.BodyPublishers.ofString(jws), bearerKey, contentType);
    }

    ApiClient.Answer send(HttpRequest.BodyPublisher body, ECKey bearerKey, @Nullable String contentType) {
        return send(body, bearer(bearerKey), contentType);
    }

    /** How many messages about the provider's incident this instance stored (received and kept, applied or not). */
    long storedMessagesOf(UUID exchange) {
        return jdbc.sql("select count(*) from federation_received_message where exchange_id = ?")
                .param(exchange)
                .query(Long.class)
                .single();
    }

    /** Asserts that the inbox refused with this status, as a problem naming the field, in these words. */
    static void assertRefused(ApiClient.Answer answer, int status, String field, String words) {
        org.assertj.core.api.Assertions.assertThat(answer.status())
                .as(answer.toString())
                .isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(answer.header("Content-Type"))
                .startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(answer.body())
                .as(answer.toString())
                .contains("\"" + field + "\"")
                .contains(words);
    }

    /** Pushes signed messages at once, in an envelope, as this provider with a fresh bearer JWT. */
    ApiClient.Answer pushAll(List<String> jws) {
        return pushAllWithBearer(jws, bearer(key));
    }

    /** Pushes signed messages at once, in an envelope, with a bearer JWT made before. */
    ApiClient.Answer pushAllWithBearer(List<String> jws, String bearer) {
        return send(HttpRequest.BodyPublishers.ofByteArray(InboxEnvelope.of(jws)), bearer, "application/json");
    }

    /** Pushes with a bearer JWT made before (one used already, to try a replay). */
    ApiClient.Answer pushWithBearer(String jws, String bearer) {
        return send(HttpRequest.BodyPublishers.ofString(jws), bearer, "application/jose");
    }

    /**
     * The status line of the inbox's answer to a push that declares a body longer than the inbox reads, before any of
     * it is sent: the inbox refuses it on its length (a refusal answered while a large body is still arriving may be
     * lost when the connection is reset).
     */
    String statusOfPushDeclaring(long contentLength, String contentType) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /federation/v1/inbox HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + bearer(key) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ApiClient.Answer send(HttpRequest.BodyPublisher body, String bearer, @Nullable String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/federation/v1/inbox"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Answer(response.statusCode(), response.body(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bearer JWT of one request to the inbox, signed with the key, as this provider. */
    String bearer(ECKey with) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(baseUrl)
                .audience(serverBase)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", "POST")
                .claim("htu", serverBase + "/federation/v1/inbox")
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(with.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        return Signatures.sign(new SignedJWT(header, claims), with);
    }
}
