package io.cairn.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The signature rules of the exchange, one place for messages and for peers' requests. A signature is checked only
 * with the algorithm that fits the key it names (an EC P-256 key verifies ES256 only, an RSA key RS256 or PS256, an
 * Ed25519 key EdDSA), so that no header can make a key verify under another algorithm; and a header that points at
 * keys elsewhere ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or asks for extensions ({@code crit}) is
 * refused, so that only the keys this instance holds for the signer count. EC signatures are verified with Bouncy
 * Castle's ECDSA, several times as fast as the JDK 17 one, on each key's point kept with its precomputed multiples
 * (verifying is most of what receiving a message costs), and made with Bouncy Castle's provider (signing is most of
 * what publishing to many subscribers costs).
 */
final class Signatures {

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The most EC public keys kept: more than the keys of all peers of any instance. */
    private static final int MAX_EC_KEYS = 4096;

    private static final Provider EC_PROVIDER = new BouncyCastleProvider();

    private static final Map<ECKey, ECPublicKeyParameters> EC_KEYS = new ConcurrentHashMap<>();
    private static final ECDomainParameters P256 = domain(CustomNamedCurves.getByName("P-256"));

    private Signatures() {}

    /** Why a header is refused before any key is looked at, if it is. */
    static Optional<String> headerProblem(JWSHeader header) {
        if (header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getJWK() != null
                || header.getX509CertChain() != null
                || header.getCriticalParams() != null) {
            return Optional.of("the JWS header must not carry jku, x5u, jwk, x5c or crit");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            return Optional.of("the JWS header names no key (kid)");
        }
        return Optional.empty();
    }

    /** Whether the algorithm is the one (or one of those) that fits the key. */
    static boolean fits(JWSAlgorithm algorithm, JWK key) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return false;
        }
        if (key instanceof ECKey ec) {
            return Curve.P_256.equals(ec.getCurve()) && JWSAlgorithm.ES256.equals(algorithm);
        }
        if (key instanceof RSAKey) {
            return RSA_ALGORITHMS.contains(algorithm);
        }
        return key instanceof OctetKeyPair okp
                && Curve.Ed25519.equals(okp.getCurve())
                && (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm));
    }

    /** Whether the signed object's signature verifies with the key, under the algorithm that fits it. */
    static boolean verifies(JWSObject signed, JWK key) {
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!fits(algorithm, key) || !PublicKeySets.acceptedType(key)) {
            return false;
        }
        try {
            if (key instanceof ECKey ec) {
                return verifiesEs256(signed, ec);
            }
            if (key instanceof RSAKey rsa) {
                return signed.verify(new RSASSAVerifier(rsa.toPublicJWK()));
            }
            return verifiesEd25519(signed, (OctetKeyPair) key);
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * ES256 with Bouncy Castle's own ECDSA over the SHA-256 of the signing input (hashed by the Java runtime, which is
     * several times as fast as Bouncy Castle's hash in Java): the signature is exactly 64 bytes, r and s each in 1 to
     * n - 1 (Bouncy Castle checks), and the key's point, validated once, is kept with its precomputed multiples, so
     * a peer's second message costs less than its first.
     */
    private static boolean verifiesEs256(JWSObject signed, ECKey key) throws GeneralSecurityException {
        byte[] signature = signed.getSignature().decode();
        if (signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed.getSigningInput());
        org.bouncycastle.crypto.signers.ECDSASigner verifier = new org.bouncycastle.crypto.signers.ECDSASigner();
        verifier.init(false, ecPublicKey(key));
        return verifier.verifySignature(digest, r, s);
    }

    /** The key's point on P-256, validated (on the curve, of the group's order) once per key and kept. */
    private static ECPublicKeyParameters ecPublicKey(ECKey key) {
        ECPublicKeyParameters cached = EC_KEYS.get(key);
        if (cached != null) {
            return cached;
        }
        ECPoint point = P256.getCurve()
                .createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger());
        ECPublicKeyParameters parameters = new ECPublicKeyParameters(point, P256);
        if (EC_KEYS.size() >= MAX_EC_KEYS) {
            EC_KEYS.clear();
        }
        EC_KEYS.put(key, parameters);
        return parameters;
    }

    /**
     * Signs the object with this instance's key (ES256), with Bouncy Castle's provider as for verifying: signing is
     * most of what a publication to many subscribers costs (a message and a request each).
     */
    static String sign(JWSObject unsigned, ECKey key) {
        try {
            ECDSASigner signer = new ECDSASigner(key);
            signer.getJCAContext().setProvider(EC_PROVIDER);
            unsigned.sign(signer);
            return unsigned.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the active key " + key.getKeyID(), e);
        }
    }

    private static ECDomainParameters domain(X9ECParameters curve) {
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    /** Ed25519 through the Java runtime, which has it since Java 15 (Nimbus would need Tink for it). */
    private static boolean verifiesEd25519(JWSObject signed, OctetKeyPair key) throws GeneralSecurityException {
        byte[] raw = key.getX().decode();
        byte[] encoded = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, encoded, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, encoded, ED25519_SPKI_PREFIX.length, raw.length);
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(signed.getSigningInput());
        return verifier.verify(signed.getSignature().decode());
    }
}
