package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.cairn.shared.Outcome;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicKeySetsTest {

    private static final long LIMIT = 64 * 1024;

    @Test
    void acceptsEcP256Rsa2048AndEd25519PublicSigningKeys() throws JOSEException {
        JWKSet set = new JWKSet(List.of(
                new ECKeyGenerator(Curve.P_256)
                        .keyIDFromThumbprint(true)
                        .generate()
                        .toPublicJWK(),
                new RSAKeyGenerator(2048)
                        .keyID("rsa")
                        .keyUse(KeyUse.SIGNATURE)
                        .generate()
                        .toPublicJWK(),
                ed25519("ed")));

        Outcome<JWKSet> read = PublicKeySets.read("keys", set.toString(true), LIMIT);

        assertThat(read).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done<JWKSet>) read).value().getKeys()).hasSize(3);
    }

    @Test
    void refusesAPrivateKeyNamingItsPlace() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        assertThat(problem(new JWKSet(List.of(key)).toString(false)))
                .isEqualTo("keys: key 0 has a private part: give the public keys only");
    }

    @Test
    void refusesKeysThatAreNotStrongPublicSigningKeys() throws JOSEException {
        JWK weakRsa = new RSAKeyGenerator(1024, true).keyID("weak").generate().toPublicJWK();
        JWK otherCurve =
                new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK();
        JWK forEncryption = new ECKeyGenerator(Curve.P_256)
                .keyID("enc")
                .keyUse(KeyUse.ENCRYPTION)
                .generate()
                .toPublicJWK();
        OctetSequenceKey secret =
                new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        JWK withoutKid = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();

        assertThat(problem(set(weakRsa))).contains("key 0 is no EC P-256, RSA of at least 2048 bits or Ed25519");
        assertThat(problem(set(otherCurve))).contains("key 0 is no EC P-256");
        assertThat(problem(set(forEncryption))).contains("key 0 is not a signing key");
        assertThat(problem("{\"keys\":[" + secret.toJSONString() + "]}")).contains("key 0 has a private part");
        assertThat(problem(set(withoutKid))).contains("key 0 has no key id");
    }

    @Test
    void refusesWhatIsNoKeySet() {
        assertThat(problem("not json")).isEqualTo("keys: is not a JWK set: a JSON object with an array \"keys\"");
        assertThat(problem("{\"keys\":\"x\"}")).contains("is not a JWK set");
        assertThat(problem("{\"keys\":[]}")).isEqualTo("keys: holds no key");
        assertThat(problem("{\"keys\":[{\"kty\":\"EC\"}]}")).isEqualTo("keys: key 0 is not a JWK");
        assertThat(problem("{\"keys\":[7]}")).isEqualTo("keys: key 0 is not a JWK");
        assertThat(problem("{\"keys\":[" + "{},".repeat(20) + "{}]}")).isEqualTo("keys: must hold at most 20 keys");
        assertThat(PublicKeySets.read("keys", "x".repeat(100), 10)).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void refusesTwoKeysWithOneKid() throws JOSEException {
        JWK one = new ECKeyGenerator(Curve.P_256).keyID("same").generate().toPublicJWK();
        JWK two = new ECKeyGenerator(Curve.P_256).keyID("same").generate().toPublicJWK();

        assertThat(problem(new JWKSet(List.of(one, two)).toString()))
                .contains("key 1 has the key id of an earlier key");
    }

    /** An Ed25519 public key made by the Java runtime (Nimbus's own generator needs Tink). */
    static OctetKeyPair ed25519(String kid) {
        try {
            byte[] encoded = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPublic()
                    .getEncoded();
            byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                    .keyID(kid)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String set(JWK key) {
        return new JWKSet(key).toString(false);
    }

    private static String problem(String text) {
        Outcome<JWKSet> read = PublicKeySets.read("keys", text, LIMIT);
        assertThat(read).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<JWKSet>) read).refusal().message();
    }
}
