package io.cairn.federation;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.cairn.trace.AuditorKeys;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The chain auditors configured at this hop ({@code cairn.federation.chain-auditor-keys}, a JWK set of public EC P-256
 * or RSA keys): every provenance entry this hop issues is sealed to each of them, and any of them may sign a
 * chain auditor's request for this hop's receipts ({@code /federation/v1/trace/**}). A key is named by its {@code kid},
 * or by its RFC 7638 thumbprint when it has none.
 */
@Component
class ChainAuditors {

    private final List<JWK> keys;

    ChainAuditors(FederationSettings settings) {
        this.keys = parse(settings.chainAuditorKeys());
    }

    /** The keys provenance entries are sealed to: every configured one, in order; empty when none is. */
    List<JWK> sealingKeys() {
        return keys;
    }

    /** The configured key of this key id. */
    Optional<JWK> byKeyId(@Nullable String kid) {
        return kid == null
                ? Optional.empty()
                : keys.stream()
                        .filter(key -> AuditorKeys.keyId(key).equals(kid))
                        .findFirst();
    }

    private static List<JWK> parse(@Nullable String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        try {
            List<JWK> found = JWKSet.parse(keys).getKeys().stream()
                    .filter(key -> !key.isPrivate())
                    .filter(key -> key instanceof RSAKey || (key instanceof ECKey ec && ec.getCurve() == Curve.P_256))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException(
                        "cairn.federation.chain-auditor-keys holds no public EC P-256 or RSA key");
            }
            return found;
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "cairn.federation.chain-auditor-keys is not a JWK set: " + e.getMessage(), e);
        }
    }
}
