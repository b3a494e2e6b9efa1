package io.cairn.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public half of a witness's Ed25519 key, as the C2SP {@code tlog-cosignature} format (v1) uses it: a witness
 * cosigns a checkpoint after checking that it is consistent with the last one it saw of that log. Written as a
 * verifier key with signature type {@code 0x04}: {@code <name>+<key ID in hex>+<base64(0x04 || public key)>}.
 *
 * @param name the witness's name, a schema-less URL such as {@code cairn.example/witness}
 * @param publicKey the Ed25519 public key as RFC 8032 encodes it, in base64
 */
public record CosignerKey(String name, String publicKey) {

    /** The signature type byte of an Ed25519 cosignature (v1). */
    static final byte COSIGNATURE_V1 = 0x04;

    public CosignerKey {
        if (!VerifierKey.isKeyName(name)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
        if (Base64.getDecoder().decode(publicKey).length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }

    /**
     * What checking a note for this witness's cosignature found.
     *
     * @param check whether a line of this key verifies, names it without verifying, or is absent
     * @param at when the witness cosigned, for a line that verifies
     */
    public record Found(VerifierKey.Check check, @Nullable Instant at) {}

    /** SHA-256(name || 0x0A || 0x04 || public key)[:4], big-endian. */
    public int keyId() {
        var sha256 = MerkleTree.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(COSIGNATURE_V1);
        return ByteBuffer.wrap(sha256.digest(publicKeyBytes())).getInt();
    }

    /** The key as text: {@code name+hash+keydata}. */
    public String encoded() {
        byte[] keyData = ByteBuffer.allocate(33)
                .put(COSIGNATURE_V1)
                .put(publicKeyBytes())
                .array();
        return name + "+" + String.format("%08x", keyId()) + "+"
                + Base64.getEncoder().encodeToString(keyData);
    }

    /** Reads a key written by {@link #encoded()}; empty when the text is not one of an Ed25519 cosigner. */
    public static Optional<CosignerKey> parse(String encoded) {
        String[] parts = encoded.trim().split("\\+", 3);
        if (parts.length != 3 || !VerifierKey.isKeyName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            return Optional.empty();
        }
        try {
            byte[] keyData = Base64.getDecoder().decode(parts[2]);
            if (keyData.length != 33 || keyData[0] != COSIGNATURE_V1) {
                return Optional.empty();
            }
            CosignerKey key =
                    new CosignerKey(parts[0], Base64.getEncoder().encodeToString(Arrays.copyOfRange(keyData, 1, 33)));
            return String.format("%08x", key.keyId()).equals(parts[1]) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * This witness's cosignature on the note: lines of other keys are ignored; a line that names this key (name and
     * key ID) but does not verify makes the whole note {@link VerifierKey.Check#BAD_SIGNATURE}.
     */
    public Found check(SignedNote note) {
        Found found = new Found(VerifierKey.Check.NOT_SIGNED, null);
        for (SignedNote.Signature line : note.signatures()) {
            if (!line.keyName().equals(name) || line.keyId() != keyId()) {
                continue;
            }
            byte[] timestamped = line.signature();
            long seconds = timestamped.length == 8 + 64
                    ? ByteBuffer.wrap(timestamped, 0, 8).getLong()
                    : -1;
            if (seconds < 0
                    || !VerifierKey.verifies(
                            publicKeyBytes(),
                            signedMessage(seconds, note.text()),
                            Arrays.copyOfRange(timestamped, 8, timestamped.length))) {
                return new Found(VerifierKey.Check.BAD_SIGNATURE, null);
            }
            found = new Found(VerifierKey.Check.SIGNED, Instant.ofEpochSecond(seconds));
        }
        return found;
    }

    /** What a cosignature signs: the header line, the time line and the checkpoint's whole note text. */
    static byte[] signedMessage(long seconds, String checkpointText) {
        return ("cosignature/v1\ntime " + seconds + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    byte[] publicKeyBytes() {
        return Base64.getDecoder().decode(publicKey);
    }
}
