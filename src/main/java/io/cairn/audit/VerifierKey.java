package io.cairn.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The public half of an Ed25519 note-signing key, as the C2SP signed-note format names it: a name and 32 bytes.
 * Written as a verifier key, {@code <name>+<key ID in hex>+<base64(0x01 || public key)>}, as Go's
 * {@code golang.org/x/mod/sumdb/note} reads it.
 *
 * @param name the key's name; for the audit trail's key, the log's origin
 * @param publicKey the Ed25519 public key as RFC 8032 encodes it, in base64
 */
public record VerifierKey(String name, String publicKey) {

    /** The signature type byte of Ed25519 in the signed-note format. */
    static final byte ED25519 = 0x01;

    /** What DER puts before the 32 key bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        if (!isKeyName(name)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
        if (Base64.getDecoder().decode(publicKey).length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }

    /** What checking a note against this key found. */
    public enum Check {
        /** A signature line of this key verifies. */
        SIGNED,
        /** A signature line names this key (name and key ID) but does not verify: forged or altered. */
        BAD_SIGNATURE,
        /** No signature line is of this key. */
        NOT_SIGNED
    }

    /** True for a name the signed-note format allows: non-empty, no Unicode spaces, no plus sign. */
    public static boolean isKeyName(String name) {
        return !name.isEmpty()
                && name.codePoints()
                        .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '+' || c < 0x20);
    }

    /** SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian: the key ID the format recommends. */
    public int keyId() {
        var sha256 = MerkleTree.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519);
        return ByteBuffer.wrap(sha256.digest(publicKeyBytes())).getInt();
    }

    /** The key ID as eight hex digits, as key texts write it. */
    public String keyIdHex() {
        return String.format("%08x", keyId());
    }

    /** The verifier key as text: {@code name+hash+keydata}. */
    public String encoded() {
        byte[] keyData =
                ByteBuffer.allocate(33).put(ED25519).put(publicKeyBytes()).array();
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(keyData);
    }

    /** Reads a verifier key written by {@link #encoded()}; empty when the text is not one of an Ed25519 key. */
    public static Optional<VerifierKey> parse(String encoded) {
        String[] parts = encoded.trim().split("\\+", 3);
        if (parts.length != 3 || !isKeyName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            return Optional.empty();
        }
        try {
            byte[] keyData = Base64.getDecoder().decode(parts[2]);
            if (keyData.length != 33 || keyData[0] != ED25519) {
                return Optional.empty();
            }
            VerifierKey key = new VerifierKey(
                    parts[0], Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(keyData, 1, 33)));
            return key.keyIdHex().equals(parts[1]) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Checks the note's signatures of this key: lines of other keys are ignored, as the format asks; a line with this
     * key's name and ID that fails makes the whole note {@link Check#BAD_SIGNATURE}.
     */
    public Check check(SignedNote note) {
        boolean signed = false;
        for (SignedNote.Signature signature : note.signatures()) {
            if (!signature.keyName().equals(name) || signature.keyId() != keyId()) {
                continue;
            }
            if (!verifies(note.text(), signature.signature())) {
                return Check.BAD_SIGNATURE;
            }
            signed = true;
        }
        return signed ? Check.SIGNED : Check.NOT_SIGNED;
    }

    private boolean verifies(String text, byte[] signature) {
        return verifies(publicKeyBytes(), text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** Whether an Ed25519 signature of the message verifies with the 32-byte public key. */
    static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(javaKey(publicKey));
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
        }
    }

    byte[] publicKeyBytes() {
        return Base64.getDecoder().decode(publicKey);
    }

    private static PublicKey javaKey(byte[] publicKey) throws GeneralSecurityException {
        byte[] der = ByteBuffer.allocate(X509_PREFIX.length + 32)
                .put(X509_PREFIX)
                .put(publicKey)
                .array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The raw 32 bytes of a Java Ed25519 public key. */
    static byte[] rawBytes(PublicKey key) {
        byte[] der = key.getEncoded();
        return java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
    }
}
