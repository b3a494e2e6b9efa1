package io.cairn.trace;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The chain auditor's HTTP client: each request to a hop's {@code /federation/v1/trace/**} carries a JWT signed with the
 * auditor's key ({@code iss} and {@code kid} its key id, {@code aud} the hop's base URL, {@code htm}, {@code htu},
 * {@code iat}, {@code exp} two minutes on, a fresh {@code jti}), the way a hop checks a chain auditor's request. The
 * private key stays in this process.
 */
final class HopClient {

    /** At most this many bytes of an answer are read: a hop's answer about one digest is a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 16 << 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a hop answered: a body, or why there is none. */
    sealed interface Answer {

        record Body(String text) implements Answer {}

        record Failed(String reason) implements Answer {}
    }

    private final JWK key;
    private final String keyId;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HopClient(JWK key, String keyId, Clock clock) {
        this.key = key;
        this.keyId = keyId;
        this.clock = clock;
    }

    /** A signed GET of this path of the hop at this base URL. */
    Answer get(String baseUrl, String path) {
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            return new Answer.Failed("not a URL: " + baseUrl + path);
        }
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token(baseUrl, baseUrl + path))
                .header("Accept", "application/json"));
    }

    /** An unsigned GET, for what every instance serves to anyone (its JWK set). */
    Answer getPublic(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json"));
        } catch (IllegalArgumentException e) {
            return new Answer.Failed("not a URL: " + url);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                return new Answer.Failed(built.uri() + " answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (response.statusCode() != 200) {
                return new Answer.Failed(built.uri() + " answered " + response.statusCode() + ": " + shortened(text));
            }
            return new Answer.Body(text);
        } catch (IOException e) {
            return new Answer.Failed(built.uri() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed(built.uri() + ": interrupted");
        }
    }

    private String token(String audience, String url) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(keyId)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", "GET")
                .claim("htu", url)
                .build();
        try {
            JWSSigner signer;
            JWSAlgorithm algorithm;
            if (key instanceof ECKey ec) {
                signer = new ECDSASigner(ec);
                algorithm = JWSAlgorithm.ES256;
            } else {
                signer = new RSASSASigner((RSAKey) key);
                algorithm = JWSAlgorithm.RS256;
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(keyId)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the auditor's key cannot sign: " + e.getMessage(), e);
        }
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
