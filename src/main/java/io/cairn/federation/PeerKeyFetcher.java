package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Fetches a peer's public keys from {@code <base URL>/federation/v1/jwks.json}: an answer that is not 200, not a JWK
 * set by {@link PublicKeySets}'s rules, too large or too late is refused with the reason, naming the base URL.
 */
@Component
class PeerKeyFetcher {

    static final String PATH = "/federation/v1/jwks.json";

    private final PeerHttp http;
    private final FederationSettings settings;

    PeerKeyFetcher(PeerHttp http, FederationSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** The keys of the peer at the (normalised) base URL, or why they could not be had. */
    Outcome<JWKSet> fetch(String field, String baseUrl) {
        URI uri = URI.create(baseUrl + PATH);
        long limit = settings.maxKeySetBytes().toBytes();
        return http.send(
                        field,
                        uri,
                        request -> request.header("Accept", "application/jwk-set+json, application/json")
                                .GET(),
                        limit)
                .flatMap(answer -> {
                    if (answer.status() != 200) {
                        return Outcome.refused(Refusal.invalid(
                                field,
                                FederationRefusals.PEER_ANSWERED_STATUS,
                                uri.toString(),
                                String.valueOf(answer.status())));
                    }
                    String text = new String(answer.body(), StandardCharsets.UTF_8);
                    Outcome<JWKSet> keys = PublicKeySets.read(field, text, limit);
                    if (keys instanceof Outcome.Refused<JWKSet> refused) {
                        return Outcome.refused(Refusal.invalid(
                                field,
                                FederationRefusals.PEER_ANSWERED_GARBAGE,
                                uri.toString(),
                                refused.refusal().fields().get(0).message()));
                    }
                    return keys;
                });
    }
}
