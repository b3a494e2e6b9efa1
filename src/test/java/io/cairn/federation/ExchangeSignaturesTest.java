package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A signed message opens only with the signer's key, untouched, under the algorithm that fits the key, fresh and
 * within the size limit; each refusal says which check failed.
 */
class ExchangeSignaturesTest {

    private static final long LIMIT = 256 * 1024;

    private final ECKey signer = key("signer");
    private final JWKSet signerKeys = new JWKSet(signer.toPublicJWK());
    private final ExchangeMessage message = ExchangeArbitraries.sample(ExchangeArbitraries.messages());
    private final ExchangeReading reading = new ExchangeReading(LIMIT);

    @Test
    void opensAMessageSignedWithTheSignersKey() {
        String jws = ExchangeSignatures.sign(ExchangeJson.write(message), signer);

        assertThat(reading.open(jws, signerKeys, ExchangeArbitraries.NOW)).isEqualTo(Outcome.done(message));
        assertThat(new Base64URL(jws.substring(0, jws.indexOf('.'))).decodeToString())
                .contains("\"alg\":\"ES256\"", "\"kid\":\"signer\"", "\"typ\":\"cairn-exchange+jws\"")
                .doesNotContain("jku", "jwk\"", "x5u", "crit");
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts =
                ExchangeSignatures.sign(ExchangeJson.write(message), signer).split("\\.");
        long version = message.incident().version();
        String json = new String(ExchangeJson.write(message), StandardCharsets.UTF_8);
        String other = Base64URL.encode(json.replace("\"version\":" + version, "\"version\":" + (version + 1)))
                .toString();
        assertThat(other).isNotEqualTo(parts[1]);

        assertThat(reason(parts[0] + "." + other + "." + parts[2], signerKeys)).contains("signature does not verify");
    }

    @Test
    void refusesSignaturesOfZerosOfTheGroupOrderAndOfAnotherLength() {
        String[] parts =
                ExchangeSignatures.sign(ExchangeJson.write(message), signer).split("\\.");
        byte[] n = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("P-256")
                .getN()
                .toByteArray();
        byte[] order = java.util.Arrays.copyOfRange(n, n.length - 32, n.length);
        byte[] zeros = new byte[64];
        byte[] ofOrder = new byte[64];
        System.arraycopy(order, 0, ofOrder, 0, 32);
        System.arraycopy(order, 0, ofOrder, 32, 32);
        byte[] signature = Base64URL.from(parts[2]).decode();

        for (byte[] forged : java.util.List.of(
                zeros, ofOrder, java.util.Arrays.copyOf(signature, 63), java.util.Arrays.copyOf(signature, 65))) {
            assertThat(reason(parts[0] + "." + parts[1] + "." + Base64URL.encode(forged), signerKeys))
                    .contains("signature does not verify");
        }
    }

    @Test
    void aSignerKeyVerifiesEveryMessageItSignedAndNoOtherEachTime() {
        for (int i = 0; i < 20; i++) {
            ExchangeMessage each = ExchangeArbitraries.sample(ExchangeArbitraries.messages());
            String jws = ExchangeSignatures.sign(ExchangeJson.write(each), signer);
            String other = ExchangeSignatures.sign(ExchangeJson.write(each), key("signer"));

            assertThat(ExchangeSignatures.verify(jws, signerKeys, LIMIT)).isInstanceOf(Outcome.Done.class);
            assertThat(ExchangeSignatures.verify(other, signerKeys, LIMIT)).isInstanceOf(Outcome.Refused.class);
        }
    }

    @Test
    void refusesAnotherKeyUnderTheSameKid() {
        ECKey impostor = key("signer");

        assertThat(reason(ExchangeSignatures.sign(ExchangeJson.write(message), impostor), signerKeys))
                .contains("signature does not verify");
        assertThat(reason(ExchangeSignatures.sign(ExchangeJson.write(message), key("unknown")), signerKeys))
                .contains("the signer has no key with the JWS's kid");
    }

    @Test
    void refusesAnotherAlgorithmNoneAndHeadersThatPointAtOtherKeys() throws Exception {
        JWSObject hmac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID("signer")
                        .type(new JOSEObjectType(ExchangeSignatures.TYPE))
                        .build(),
                new Payload(ExchangeJson.write(message)));
        hmac.sign(new MACSigner(signer.toPublicJWK().toECPublicKey().getEncoded()));
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"signer\",\"typ\":\"cairn-exchange+jws\"}") + "."
                + Base64URL.encode(ExchangeJson.write(message)) + ".";
        JWSObject withJku = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("signer")
                        .type(new JOSEObjectType(ExchangeSignatures.TYPE))
                        .jwkURL(URI.create("https://attacker.example/jwks.json"))
                        .build(),
                new Payload(ExchangeJson.write(message)));

        assertThat(reason(hmac.serialize(), signerKeys)).contains("signature does not verify");
        assertThat(reason(none, signerKeys)).contains("is not a JWS");
        assertThat(reason(Signatures.sign(withJku, signer), signerKeys)).contains("must not carry jku");
    }

    @Test
    void refusesAnExpiredAndAFutureDatedMessage() {
        String jws = ExchangeSignatures.sign(ExchangeJson.write(message), signer);

        assertThat(reason(jws, signerKeys, message.expiresAt().plusSeconds(1)))
                .contains("/expiresAt: lies in the past");
        assertThat(reason(jws, signerKeys, message.issuedAt().minus(Duration.ofMinutes(6))))
                .contains("/issuedAt: lies more than 5 minutes in the future");
    }

    @Test
    void refusesAnOversizedMessage() {
        ExchangeReading small = new ExchangeReading(1_000);
        String jws = ExchangeSignatures.sign(ExchangeJson.write(message), signer);

        assertThat(small.open("a".repeat(10_000), signerKeys, ExchangeArbitraries.NOW))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal().message()).contains("is larger than"));
        assertThat(small.open(jws, signerKeys, ExchangeArbitraries.NOW)).isInstanceOf(Outcome.Refused.class);
    }

    private String reason(String jws, JWKSet keys) {
        return reason(jws, keys, ExchangeArbitraries.NOW);
    }

    private String reason(String jws, JWKSet keys, Instant now) {
        Outcome<ExchangeMessage> opened = reading.open(jws, keys, now);
        assertThat(opened).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<ExchangeMessage>) opened).refusal().message();
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
