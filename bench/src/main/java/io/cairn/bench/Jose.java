package io.cairn.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import java.net.URI;
import java.security.Provider;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The federation benchmark's signatures, made and checked as Cairn makes and checks them (docs/federation.md): exchange
 * messages as a compact JWS with exactly {@code alg} ES256, {@code kid} and {@code typ cairn-exchange+jws}, and peer
 * requests with a bearer JWT ({@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, {@code htm},
 * {@code htu}).
 */
final class Jose {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    static final String EXCHANGE_TYPE = "cairn-exchange+jws";

    private Jose() {}

    /** A new EC P-256 signing key, its {@code kid} the RFC 7638 thumbprint. */
    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key set of a key, as the JSON object an admin pastes for a peer. */
    static Map<String, Object> publicKeySet(ECKey key) {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    static String json(Map<String, Object> object) {
        return JSONObjectUtils.toJSONString(object);
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + json, e);
        }
    }

    /** An exchange message's JSON signed with the key. */
    static String signMessage(byte[] payload, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(EXCHANGE_TYPE)).build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** The bearer JWT of one request of {@code issuer} to the peer at {@code audience}. */
    static String peerToken(ECKey key, String issuer, String audience, String method, URI uri) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120))).jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The payload of an exchange message, after checking its header and its signature against the signer's key set;
     * an exception says what failed.
     */
    static byte[] verifyMessage(String compact, JWKSet signer) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            JWSHeader header = jws.getHeader();
            if (header.getType() == null || !EXCHANGE_TYPE.equals(header.getType().getType())
                    || !JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw new IllegalStateException("unexpected header " + header);
            }
            if (!jws.verify(verifier(key(signer, header.getKeyID())))) {
                throw new IllegalStateException("bad signature");
            }
            return jws.getPayload().toBytes();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a peer request's JWT, after checking its signature against the caller's key set. */
    static JWTClaimsSet verifyToken(String token, JWKSet caller) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(verifier(key(caller, jwt.getHeader().getKeyID())))) {
                throw new IllegalStateException("bad signature");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A verifier of ES256 signatures by the key, through Bouncy Castle: JDK 17's P-256 verification takes about 2.4
     * times as long, and the endpoints verify two signatures per push (the check is the same).
     */
    private static ECDSAVerifier verifier(ECKey key) throws JOSEException {
        ECDSAVerifier verifier = new ECDSAVerifier(key);
        verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
        return verifier;
    }

    private static ECKey key(JWKSet set, String kid) {
        JWK key = set.getKeyByKeyId(kid);
        if (key == null) {
            throw new IllegalStateException("unknown key " + kid);
        }
        return key.toECKey();
    }
}
