package io.cairn.federation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the one provenance entry of each message this instance issues: a JWE compact serialization to the chain
 * auditor key configured at this hop ({@code cairn.federation.chain-auditor-keys}; ECDH-ES+A256KW with A256GCM for an
 * EC key, RSA-OAEP-256 with A256GCM for an RSA key) whose plaintext JSON says which hop issued which copy of which
 * local incident when and, for a relayed copy, what it was relayed from: the upstream publisher's URL, its exchange id
 * and version, the SHA-256 of the message received, when it came and the upstream entry's commitment. The upstream
 * entry is referred to, never nested, so every entry has one fixed size ({@link #SIZE}) at the origin and at every
 * relay alike, and a receiver cannot tell how long the chain behind a copy is. The commitment anyone can check once
 * the entry is opened is hex SHA-256 of the nonce's bytes followed by the plaintext's bytes, the nonce being inside
 * the plaintext. With no auditor key configured the entry is sealed to a key made at start and forgotten, so that the
 * shape never says whether anyone can open it. A compact JWE has one recipient: with several auditor keys configured,
 * the entry is sealed to the first (see {@code docs/federation.md}).
 */
@Component
class ProvenanceSeal {

    /** The one size every plaintext is padded to: 4 KiB. */
    static final int SIZE = 4 << 10;

    /** The format of the plaintext. */
    static final int FORMAT = 1;

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final SecureRandom random = new SecureRandom();

    /**
     * What an entry says: this hop's base URL, its local incident, the copy (exchange id and version), when it was
     * issued, and for a relayed copy what it was relayed from (see {@link Relays#upstream}); null at the origin.
     */
    record Entry(
            String hop,
            UUID incident,
            UUID exchangeId,
            long version,
            Instant issuedAt,
            @Nullable Map<String, Object> upstream) {}

    private final JWK recipient;

    ProvenanceSeal(ChainAuditors auditors) {
        this.recipient = auditors.sealingKey().orElseGet(ProvenanceSeal::throwaway);
    }

    /** The sealed entry and its commitment. */
    ExchangeMessage.Provenance seal(Entry entry) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        byte[] plaintext = padded(entry, Base64URL.encode(nonce).toString());
        return new ExchangeMessage.Provenance(encrypt(plaintext), commitment(nonce, plaintext));
    }

    /** Hex SHA-256 of the nonce's bytes followed by the plaintext's. */
    static String commitment(byte[] nonce, byte[] plaintext) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(nonce);
            sha.update(plaintext);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] padded(Entry entry, String nonce) {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("v", FORMAT);
        plain.put("hop", entry.hop());
        plain.put("incident", entry.incident().toString());
        plain.put("exchangeId", entry.exchangeId().toString());
        plain.put("version", entry.version());
        plain.put("issuedAt", entry.issuedAt().toString());
        plain.put("upstream", entry.upstream());
        plain.put("nonce", nonce);
        plain.put("padding", "");
        int unpadded = json.writeValueAsBytes(plain).length;
        if (unpadded > SIZE) {
            throw new IllegalArgumentException(
                    "a provenance entry of " + unpadded + " bytes is larger than " + SIZE + " bytes");
        }
        plain.put("padding", " ".repeat(SIZE - unpadded));
        return json.writeValueAsBytes(plain);
    }

    private String encrypt(byte[] plaintext) {
        try {
            JWEEncrypter encrypter;
            JWEAlgorithm algorithm;
            if (recipient instanceof RSAKey rsa) {
                encrypter = new RSAEncrypter(rsa);
                algorithm = JWEAlgorithm.RSA_OAEP_256;
            } else {
                encrypter = new ECDHEncrypter((ECKey) recipient);
                algorithm = JWEAlgorithm.ECDH_ES_A256KW;
            }
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM).build(), new Payload(plaintext));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the provenance entry cannot be sealed: " + e.getMessage(), e);
        }
    }

    /** The plaintext of an entry, read back (for tests and the auditor's tools). */
    static JsonNode read(byte[] plaintext) {
        return json.readTree(new String(plaintext, StandardCharsets.UTF_8));
    }

    private static JWK throwaway() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        } catch (JOSEException e) {
            throw new IllegalStateException("no throwaway key for provenance entries: " + e.getMessage(), e);
        }
    }
}
