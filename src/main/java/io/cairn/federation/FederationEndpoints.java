package io.cairn.federation;

import java.time.Duration;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this instance serves to other instances under {@code /federation/v1}: its public keys and the exchange format's
 * schema to anyone, and to a peer that signed its request, who this instance takes it to be.
 */
@RestController
class FederationEndpoints {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");
    static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

    /** Peers fetch the keys again within this time after a rotation, and at once on a key id they do not know. */
    private static final Duration KEYS_CACHE = Duration.ofMinutes(5);

    private final SigningKeyring keyring;

    FederationEndpoints(SigningKeyring keyring) {
        this.keyring = keyring;
    }

    @GetMapping("/federation/v1/jwks.json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(KEYS_CACHE).cachePublic())
                .body(keyring.publishedKeys().toJSONObject(true));
    }

    @GetMapping("/federation/v1/schema")
    ResponseEntity<ClassPathResource> schema() {
        return ResponseEntity.ok()
                .contentType(SCHEMA)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new ClassPathResource(ExchangeSchema.RESOURCE));
    }

    /** The peer that signed the request, as this instance registered it. */
    record Whoami(String name, String baseUrl, String role) {}

    @GetMapping("/federation/v1/whoami")
    Whoami whoami(@AuthenticationPrincipal PeerView peer) {
        return new Whoami(peer.name(), peer.baseUrl(), peer.role());
    }
}
