package io.cairn.federation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Calls a peer as this instance: each request carries a JWT signed with this instance's active key, for that peer,
 * method and URL, valid for {@link #LIFETIME} and used once, as {@link PeerRequestVerifier} checks it at the peer.
 * Answers are read within the limits of {@link PeerHttp}.
 */
@Component
class PeerClient {

    static final Duration LIFETIME = Duration.ofMinutes(2);

    private final PeerHttp http;
    private final SigningKeyring keyring;
    private final ThisInstance instance;
    private final FederationSettings settings;
    private final Clock clock;

    PeerClient(PeerHttp http, SigningKeyring keyring, ThisInstance instance, FederationSettings settings, Clock clock) {
        this.http = http;
        this.keyring = keyring;
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
    }

    /** A signed GET of a path of the peer; a failure to reach it is a refusal of the field {@code peer}. */
    Outcome<PeerHttp.Answer> get(PeerView peer, String path) {
        return send(
                peer.baseUrl(),
                "GET",
                path,
                HttpRequest.Builder::GET,
                settings.maxMessageBytes().toBytes());
    }

    /** A signed GET whose answer may be up to {@code maxBytes}: a page of a feed holds many messages. */
    Outcome<PeerHttp.Answer> get(PeerView peer, String path, long maxBytes) {
        return send(peer.baseUrl(), "GET", path, HttpRequest.Builder::GET, maxBytes);
    }

    /** A signed POST of a body to a path of the peer; a failure to reach it is a refusal of the field {@code peer}. */
    Outcome<PeerHttp.Answer> post(PeerView peer, String path, String contentType, byte[] body) {
        return post(peer.baseUrl(), path, contentType, body);
    }

    /** A signed POST to a path of the peer at this base URL, when only its base URL has been read. */
    Outcome<PeerHttp.Answer> post(String baseUrl, String path, String contentType, byte[] body) {
        return send(
                baseUrl,
                "POST",
                path,
                request ->
                        request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                settings.maxMessageBytes().toBytes());
    }

    /** A signed DELETE of a path of the peer; a failure to reach it is a refusal of the field {@code peer}. */
    Outcome<PeerHttp.Answer> delete(PeerView peer, String path) {
        return send(
                peer.baseUrl(),
                "DELETE",
                path,
                HttpRequest.Builder::DELETE,
                settings.maxMessageBytes().toBytes());
    }

    private Outcome<PeerHttp.Answer> send(
            String baseUrl, String method, String path, UnaryOperator<HttpRequest.Builder> request, long maxBytes) {
        URI uri = URI.create(baseUrl + path);
        String token = token(baseUrl, method, uri);
        return http.send(
                "peer",
                uri,
                builder -> request.apply(
                        builder.header("Authorization", "Bearer " + token).header("Accept", "application/json")),
                maxBytes);
    }

    /** The JWT that authenticates one request of this instance to the peer at the audience's base URL. */
    String token(String audience, String method, URI uri) {
        ECKey key = keyring.activeKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(instance.baseUrl())
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", method)
                .claim("htu", uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        return Signatures.sign(new SignedJWT(header, claims), key);
    }
}
