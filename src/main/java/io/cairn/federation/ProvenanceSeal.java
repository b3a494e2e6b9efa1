package io.cairn.federation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.MultiEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.cairn.trace.AuditorKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

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
 * shape never says whether anyone can open it. Sealed to one key, the entry is a compact JWE; to several, the JWE
 * general JSON serialization with one recipient per key, so that every auditor of this hop opens it with their own.
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

    private final List<JWK> recipients;

    ProvenanceSeal(ChainAuditors auditors) {
        this.recipients = auditors.sealingKeys().isEmpty() ? List.of(throwaway()) : auditors.sealingKeys();
    }

    /** The sealed entry and its commitment. */
    ExchangeMessage.Provenance seal(Entry entry) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        byte[] plaintext = padded(entry, Base64URL.encode(nonce).toString());
        return new ExchangeMessage.Provenance(
                recipients.size() == 1 ? StringNode.valueOf(encrypt(plaintext)) : encryptToEach(plaintext),
                commitment(nonce, plaintext));
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

    /** The compact serialization of the plaintext sealed to the one key. */
    private String encrypt(byte[] plaintext) {
        JWK recipient = recipients.get(0);
        try {
            JWEEncrypter encrypter =
                    recipient instanceof RSAKey rsa ? new RSAEncrypter(rsa) : new ECDHEncrypter((ECKey) recipient);
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(algorithm(recipient), EncryptionMethod.A256GCM).build(),
                    new Payload(plaintext));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the provenance entry cannot be sealed: " + e.getMessage(), e);
        }
    }

    /**
     * The general JSON serialization of the plaintext sealed to every key: one content encryption, its key wrapped
     * for each recipient, each named by its key id (or thumbprint).
     */
    private JsonNode encryptToEach(byte[] plaintext) {
        try {
            List<JWK> keys = new ArrayList<>();
            for (JWK key : recipients) {
                JWK named = key instanceof RSAKey rsa
                        ? new RSAKey.Builder(rsa)
                                .algorithm(algorithm(key))
                                .keyID(AuditorKeys.keyId(key))
                                .build()
                        : new ECKey.Builder((ECKey) key)
                                .algorithm(algorithm(key))
                                .keyID(AuditorKeys.keyId(key))
                                .build();
                keys.add(named);
            }
            JWEObjectJSON jwe =
                    new JWEObjectJSON(new JWEHeader.Builder(EncryptionMethod.A256GCM).build(), new Payload(plaintext));
            jwe.encrypt(new MultiEncrypter(new JWKSet(keys)));
            return json.readTree(jwe.serializeGeneral());
        } catch (JOSEException e) {
            throw new IllegalStateException("the provenance entry cannot be sealed: " + e.getMessage(), e);
        }
    }

    private static JWEAlgorithm algorithm(JWK key) {
        return key instanceof RSAKey ? JWEAlgorithm.RSA_OAEP_256 : JWEAlgorithm.ECDH_ES_A256KW;
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
