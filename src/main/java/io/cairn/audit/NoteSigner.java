package io.cairn.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The private half of an Ed25519 note-signing key: signs notes in the C2SP signed-note format. Written as a signer
 * key, {@code PRIVATE+KEY+<name>+<key ID in hex>+<base64(0x01 || 32-byte seed)>}, as Go's
 * {@code golang.org/x/mod/sumdb/note} writes it, so that the key file works with the Go tools too.
 */
final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final VerifierKey verifierKey;
    private final byte[] seed;
    private final PrivateKey privateKey;

    private NoteSigner(String name, byte[] seed) {
        this.seed = seed.clone();
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            this.verifierKey = new VerifierKey(
                    name,
                    Base64.getEncoder()
                            .encodeToString(VerifierKey.rawBytes(keyPairOf(seed).getPublic())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
        }
    }

    /** A new key with this name, from the system's strong random source. */
    static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** Reads a signer key written by {@link #encoded()}; empty when the text is not one of an Ed25519 key. */
    static Optional<NoteSigner> parse(String encoded) {
        String text = encoded.trim();
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !VerifierKey.isKeyName(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] keyData = Base64.getDecoder().decode(parts[2]);
            if (keyData.length != 33 || keyData[0] != VerifierKey.ED25519) {
                return Optional.empty();
            }
            NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(keyData, 1, 33));
            return signer.verifierKey.keyIdHex().equals(parts[1]) ? Optional.of(signer) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The signer key as text, for the key file. */
    String encoded() {
        byte[] keyData =
                ByteBuffer.allocate(33).put(VerifierKey.ED25519).put(seed).array();
        return PREFIX + verifierKey.name() + "+" + verifierKey.keyIdHex() + "+"
                + Base64.getEncoder().encodeToString(keyData);
    }

    /** The text signed with this key: a note with one signature line. */
    SignedNote sign(String text) {
        return new SignedNote(text, List.of(signature(text)));
    }

    /** The signature line of this key for the text. */
    SignedNote.Signature signature(String text) {
        byte[] signature = signBytes(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = ByteBuffer.allocate(4 + signature.length)
                .putInt(verifierKey.keyId())
                .put(signature)
                .array();
        return new SignedNote.Signature(verifierKey.name(), Base64.getEncoder().encodeToString(line));
    }

    /** The Ed25519 signature of the bytes with this key, as RFC 8032 writes it (64 bytes). */
    byte[] signBytes(byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
        }
    }

    /**
     * The key pair of a seed. The JDK derives an Ed25519 public key only while generating a pair, from the 32 bytes
     * it draws as the private key (RFC 8032 5.1.5); a source that hands out the seed makes it derive this one.
     */
    private static KeyPair keyPairOf(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new IllegalStateException("expected to be asked for the 32-byte seed");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        });
        return generator.generateKeyPair();
    }
}
