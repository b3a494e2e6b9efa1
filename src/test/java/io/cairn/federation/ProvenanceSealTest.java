package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.MultiDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * The origin's provenance entry opens with the chain auditor's private key (EC or RSA), says who issued which copy of
 * which incident when, is padded to a size bucket, and its commitment is SHA-256 of the nonce and the plaintext.
 */
class ProvenanceSealTest {

    static ChainAuditors auditors(String auditorKeys) {
        return new ChainAuditors(new FederationSettings(
                null,
                Duration.ofDays(7),
                false,
                DataSize.ofKilobytes(256),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                DataSize.ofKilobytes(64),
                4,
                Duration.ofDays(7),
                Duration.ofDays(3),
                32,
                Duration.ofSeconds(5),
                auditorKeys,
                null));
    }

    private static ProvenanceSeal.Entry entry(UUID incident, UUID exchange) {
        return new ProvenanceSeal.Entry(
                "https://iaas.example", incident, exchange, 3, Instant.parse("2026-12-03T10:00:00Z"), null);
    }

    @Test
    void theAuditorOpensTheEntryAndChecksItsCommitment() throws Exception {
        ECKey auditor = new ECKeyGenerator(Curve.P_256).keyID("auditor").generate();
        ProvenanceSeal seal = new ProvenanceSeal(auditors(new JWKSet(auditor.toPublicJWK()).toString(true)));
        UUID incident = UUID.randomUUID();
        UUID exchange = UUID.randomUUID();

        ExchangeMessage.Provenance provenance = seal.seal(entry(incident, exchange));

        JWEObject jwe = JWEObject.parse(provenance.sealedText());
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        jwe.decrypt(new ECDHDecrypter(auditor));
        byte[] plaintext = jwe.getPayload().toBytes();
        assertThat(plaintext).hasSize(4096);
        JsonNode opened = ProvenanceSeal.read(plaintext);
        assertThat(opened.get("v").asInt()).isEqualTo(1);
        assertThat(opened.get("hop").asString()).isEqualTo("https://iaas.example");
        assertThat(opened.get("upstream").isNull()).isTrue();
        assertThat(opened.get("incident").asString()).isEqualTo(incident.toString());
        assertThat(opened.get("exchangeId").asString()).isEqualTo(exchange.toString());
        assertThat(opened.get("version").asLong()).isEqualTo(3);
        byte[] nonce = new Base64URL(opened.get("nonce").asString()).decode();
        assertThat(provenance.commitment()).isEqualTo(ProvenanceSeal.commitment(nonce, plaintext));
    }

    @Test
    void withSeveralAuditorKeysEachAuditorOpensTheOneEntryWithTheirOwnKey() throws Exception {
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).generate();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        ProvenanceSeal seal = new ProvenanceSeal(
                auditors(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString(true)));

        ExchangeMessage.Provenance provenance = seal.seal(entry(UUID.randomUUID(), UUID.randomUUID()));

        assertThat(provenance.sealed().isObject())
                .as("the JWE general JSON serialization")
                .isTrue();
        assertThat(provenance.sealed().get("recipients").size()).isEqualTo(2);
        for (JWK auditor : List.<JWK>of(first, second)) {
            JWEObjectJSON jwe = JWEObjectJSON.parse(provenance.sealedText());
            jwe.decrypt(new MultiDecrypter(auditor));
            byte[] plaintext = jwe.getPayload().toBytes();
            assertThat(plaintext).hasSize(4096);
            byte[] nonce =
                    new Base64URL(ProvenanceSeal.read(plaintext).get("nonce").asString()).decode();
            assertThat(provenance.commitment()).isEqualTo(ProvenanceSeal.commitment(nonce, plaintext));
        }
        JWEObjectJSON jwe = JWEObjectJSON.parse(provenance.sealedText());
        assertThatThrownBy(() -> jwe.decrypt(new MultiDecrypter(stranger))).isInstanceOf(JOSEException.class);
        JsonNode carried = ExchangeJson.MAPPER.valueToTree(provenance);
        assertThat(carried.get("sealed")).isEqualTo(provenance.sealed());
    }

    @Test
    void aRelayedEntryRefersToItsUpstreamAndHasTheOriginsSize() throws Exception {
        ECKey auditor = new ECKeyGenerator(Curve.P_256).generate();
        ProvenanceSeal seal = new ProvenanceSeal(auditors(new JWKSet(auditor.toPublicJWK()).toString(true)));
        java.util.Map<String, Object> upstream = new java.util.LinkedHashMap<>();
        upstream.put("publisher", "https://iaas.example");
        upstream.put("exchangeId", UUID.randomUUID().toString());
        upstream.put("version", 2);
        upstream.put("messageSha256", "ab".repeat(32));
        upstream.put("receivedAt", "2026-12-03T10:00:01Z");
        upstream.put("commitment", "cd".repeat(32));

        ExchangeMessage.Provenance origin = seal.seal(entry(UUID.randomUUID(), UUID.randomUUID()));
        ExchangeMessage.Provenance relayed = seal.seal(new ProvenanceSeal.Entry(
                "https://paas.example",
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                Instant.parse("2026-12-03T10:00:02Z"),
                upstream));

        assertThat(relayed.sealedText().length()).isEqualTo(origin.sealedText().length());
        JWEObject jwe = JWEObject.parse(relayed.sealedText());
        jwe.decrypt(new ECDHDecrypter(auditor));
        assertThat(jwe.getPayload().toBytes()).hasSize(ProvenanceSeal.SIZE);
        JsonNode opened = ProvenanceSeal.read(jwe.getPayload().toBytes());
        assertThat(opened.get("hop").asString()).isEqualTo("https://paas.example");
        assertThat(opened.get("upstream").get("publisher").asString()).isEqualTo("https://iaas.example");
        assertThat(opened.get("upstream").get("messageSha256").asString()).isEqualTo("ab".repeat(32));
        assertThat(opened.get("upstream").get("commitment").asString()).isEqualTo("cd".repeat(32));
    }

    @Test
    void aRelayWhoseOwnAndProvidersUrlsAreAsLongAsAllowedStillFitsTheOneSize() throws Exception {
        ECKey auditor = new ECKeyGenerator(Curve.P_256).generate();
        ProvenanceSeal seal = new ProvenanceSeal(auditors(new JWKSet(auditor.toPublicJWK()).toString(true)));
        String longest = "https://paas.example/" + "p".repeat(PeerUrls.MAX_LENGTH - 21);
        java.util.Map<String, Object> upstream = new java.util.LinkedHashMap<>();
        upstream.put("publisher", longest.replace("paas", "iaas"));
        upstream.put("exchangeId", UUID.randomUUID().toString());
        upstream.put("version", Long.MAX_VALUE);
        upstream.put("messageSha256", "ab".repeat(32));
        upstream.put("receivedAt", "+1000000000-12-31T23:59:59.999999999Z");
        upstream.put("commitment", "cd".repeat(32));

        ExchangeMessage.Provenance relayed = seal.seal(new ProvenanceSeal.Entry(
                longest, UUID.randomUUID(), UUID.randomUUID(), Long.MAX_VALUE, Instant.MAX, upstream));

        JWEObject jwe = JWEObject.parse(relayed.sealedText());
        jwe.decrypt(new ECDHDecrypter(auditor));
        assertThat(jwe.getPayload().toBytes()).hasSize(ProvenanceSeal.SIZE);
    }

    @Test
    void anRsaAuditorKeyIsSealedToWithRsaOaep256() throws Exception {
        RSAKey auditor = new RSAKeyGenerator(2048).keyID("rsa-auditor").generate();
        ProvenanceSeal seal = new ProvenanceSeal(auditors(new JWKSet(auditor.toPublicJWK()).toString(true)));

        JWEObject jwe = JWEObject.parse(
                seal.seal(entry(UUID.randomUUID(), UUID.randomUUID())).sealedText());

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        jwe.decrypt(new RSADecrypter(auditor));
        assertThat(jwe.getPayload().toBytes()).hasSize(4096);
    }

    @Test
    void withoutAnAuditorKeyTheEntryHasTheSameShape() throws Exception {
        ProvenanceSeal seal = new ProvenanceSeal(auditors(""));
        ECKey auditor = new ECKeyGenerator(Curve.P_256).generate();
        ProvenanceSeal toAuditor = new ProvenanceSeal(auditors(new JWKSet(auditor.toPublicJWK()).toString(true)));

        String unopenable =
                seal.seal(entry(UUID.randomUUID(), UUID.randomUUID())).sealedText();
        String openable =
                toAuditor.seal(entry(UUID.randomUUID(), UUID.randomUUID())).sealedText();

        assertThat(JWEObject.parse(unopenable).getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        assertThat(unopenable.length()).isEqualTo(openable.length());
    }
}
