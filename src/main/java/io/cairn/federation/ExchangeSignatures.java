package io.cairn.federation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Exchange messages on the wire: a JWS in compact serialization whose header is exactly {@code alg} ES256, the
 * signer's {@code kid} and {@code typ} {@value #TYPE}, and whose payload is the message's JSON. Verification takes
 * the signer's keys as this instance holds them, and refuses a header that points at keys elsewhere, an algorithm that
 * does not fit the key ({@code none}, HMAC with a public key), an unknown key and a bad signature, each with a reason.
 */
final class ExchangeSignatures {

    static final String TYPE = "cairn-exchange+jws";

    private ExchangeSignatures() {}

    /** The message's payload signed with this instance's key. */
    static String sign(byte[] payload, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE))
                .build();
        return Signatures.sign(new JWSObject(header, new Payload(payload)), key);
    }

    /** The hex SHA-256 of a message as sent: the digest each hop records of it, and a chain auditor matches. */
    static String sha256(String jws) {
        return ContentDigest.of(jws.getBytes(StandardCharsets.US_ASCII)).hex();
    }

    /** The payload of a JWS the signer signed with one of its keys, or why it is refused (as the field {@code jws}). */
    static Outcome<byte[]> verify(String compact, JWKSet signerKeys, long maxPayloadBytes) {
        long maxCompact = maxPayloadBytes / 3 * 4 + 8192;
        if (compact.length() > maxCompact) {
            return refused(FederationRefusals.JWS_TOO_LARGE, String.valueOf(maxCompact));
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            return refused(FederationRefusals.JWS_UNREADABLE);
        }
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !TYPE.equals(header.getType().getType())) {
            return refused(FederationRefusals.JWS_TYPE);
        }
        Optional<String> problem = Signatures.headerProblem(header);
        if (problem.isPresent()) {
            return refused(FederationRefusals.JWS_HEADER, problem.get());
        }
        Optional<JWK> key = PublicKeySets.byKid(signerKeys, header.getKeyID());
        if (key.isEmpty()) {
            return refused(FederationRefusals.JWS_UNKNOWN_KEY);
        }
        if (!Signatures.verifies(jws, key.get())) {
            return refused(FederationRefusals.JWS_SIGNATURE);
        }
        // the Java runtime's decoder: Nimbus's constant-time one took an eighth of receiving a message, and a payload
        // is no secret
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(jws.getParsedParts()[1].toString());
        } catch (IllegalArgumentException e) {
            return refused(FederationRefusals.JWS_UNREADABLE);
        }
        return payload.length > maxPayloadBytes
                ? Outcome.refused(
                        Refusal.tooLarge("jws", FederationRefusals.MESSAGE_TOO_LARGE, String.valueOf(maxPayloadBytes)))
                : Outcome.done(payload);
    }

    private static Outcome<byte[]> refused(Refusal.Reason reason, Object... arguments) {
        return Outcome.refused(Refusal.invalid("jws", reason, arguments));
    }
}
