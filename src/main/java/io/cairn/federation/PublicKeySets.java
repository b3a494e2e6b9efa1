package io.cairn.federation;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules for a peer's public keys: a JWK set of at most {@value #MAX_KEYS} signing keys, each with a {@code kid}
 * of its own, each an EC P-256, an RSA of at least 2048 bits or an Ed25519 public key, none with a private part. A set
 * that breaks one rule is refused whole, naming the key by its place in the set.
 */
final class PublicKeySets {

    static final int MAX_KEYS = 20;
    static final int MIN_RSA_BITS = 2048;

    /** The most parsed sets kept: more than the peers of any instance, so the cache is cleared only by key churn. */
    private static final int MAX_PARSED = 4096;

    /** Parsed sets by their stored text; JWK sets and keys are immutable. */
    private static final Map<String, JWKSet> PARSED = new ConcurrentHashMap<>();

    private PublicKeySets() {}

    /** The set the text holds, public parts only, or why it is refused as the field's value. */
    static Outcome<JWKSet> read(String field, String text, long maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return Outcome.refused(Refusal.invalid(field, FederationRefusals.KEYS_TOO_LARGE, String.valueOf(maxBytes)));
        }
        List<Object> entries;
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            entries = JSONObjectUtils.getJSONArray(json, "keys");
        } catch (ParseException | RuntimeException e) {
            return Outcome.refused(Refusal.invalid(field, FederationRefusals.KEYS_NOT_A_SET));
        }
        if (entries == null || entries.isEmpty()) {
            return Outcome.refused(Refusal.invalid(field, FederationRefusals.KEYS_EMPTY));
        }
        if (entries.size() > MAX_KEYS) {
            return Outcome.refused(Refusal.invalid(field, FederationRefusals.KEYS_TOO_MANY, String.valueOf(MAX_KEYS)));
        }
        List<JWK> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Outcome<JWK> key = key(field, i, entries.get(i));
            if (key instanceof Outcome.Refused<JWK> refused) {
                return Outcome.refused(refused.refusal());
            }
            JWK accepted = ((Outcome.Done<JWK>) key).value();
            if (!kids.add(accepted.getKeyID())) {
                return refused(field, FederationRefusals.KEY_KID_TWICE, i);
            }
            keys.add(accepted);
        }
        return Outcome.done(new JWKSet(keys));
    }

    private static Outcome<JWK> key(String field, int index, Object entry) {
        JWK key;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = entry instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            key = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            return refused(field, FederationRefusals.KEY_UNREADABLE, index);
        }
        if (key.isPrivate()) {
            return refused(field, FederationRefusals.KEY_PRIVATE, index);
        }
        if (!acceptedType(key)) {
            return refused(field, FederationRefusals.KEY_TYPE, index);
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return refused(field, FederationRefusals.KEY_NOT_FOR_SIGNING, index);
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank() || key.getKeyID().length() > 200) {
            return refused(field, FederationRefusals.KEY_WITHOUT_KID, index);
        }
        return Outcome.done(key);
    }

    /** Whether the key is of a type and size this instance verifies signatures with. */
    static boolean acceptedType(JWK key) {
        return (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                || (key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS)
                || (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve()));
    }

    /**
     * The keys of a set this instance stored itself, after {@link #read} accepted it: parsed once per set as stored
     * (a peer's request and its message each look its keys up, and parsing checks every EC point), then reused until
     * the stored text changes.
     */
    static JWKSet stored(String text) {
        JWKSet cached = PARSED.get(text);
        if (cached != null) {
            return cached;
        }
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored key set is no JWK set", e);
        }
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(text, parsed);
        return parsed;
    }

    /** The key of a set with this id. */
    static Optional<JWK> byKid(JWKSet set, String kid) {
        return Optional.ofNullable(set.getKeyByKeyId(kid));
    }

    private static <T> Outcome<T> refused(String field, Refusal.Reason reason, int index) {
        return Outcome.refused(Refusal.invalid(field, reason, String.valueOf(index)));
    }
}
