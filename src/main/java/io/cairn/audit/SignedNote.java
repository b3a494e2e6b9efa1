package io.cairn.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A text signed by one or more keys, in the C2SP signed-note format: the text (ending in a newline), a blank line,
 * then one line per signature: an em dash, a space, the key's name, a space and base64(key ID || signature).
 *
 * @param text the signed text, including its final newline
 * @param signatures the signatures, in the order of their lines
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** The start of a signature line: an em dash (U+2014) and a space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** Notes longer than this are not read, as the C2SP format lets a verifier choose. */
    static final int MAX_LENGTH = 64 * 1024;

    /**
     * One signature line.
     *
     * @param keyName the name of the key that signed
     * @param base64 base64 of the 4-byte key ID followed by the signature
     */
    public record Signature(String keyName, String base64) {

        public Signature {
            if (!VerifierKey.isKeyName(keyName)) {
                throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
            }
        }

        /** The key ID: the first four bytes, big-endian; 0 when the signature is too short to hold one. */
        public int keyId() {
            byte[] bytes = bytes();
            return bytes.length < 4
                    ? 0
                    : (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
        }

        /** The signature after the key ID. */
        public byte[] signature() {
            byte[] bytes = bytes();
            return bytes.length < 4 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, 4, bytes.length);
        }

        private byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }

        String line() {
            return SIGNATURE_PREFIX + keyName + " " + base64 + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline");
        }
    }

    /** The note as it is written: text, blank line, signature lines. */
    public String render() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /** The same text with one more signature, as a witness adds its cosignature. */
    public SignedNote with(Signature signature) {
        List<Signature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new SignedNote(text, more);
    }

    /**
     * Reads a signed note; empty when it is not one: too long, with control characters other than newlines, without
     * a blank line before its signatures, or with a signature line that is malformed.
     */
    public static Optional<SignedNote> parse(String note) {
        if (note.length() > MAX_LENGTH || !note.endsWith("\n") || note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            return Optional.empty();
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n", -1);
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            Optional<Signature> signature = signatureLine(lines[i]);
            if (signature.isEmpty()) {
                return Optional.empty();
            }
            signatures.add(signature.get());
        }
        return signatures.isEmpty() ? Optional.empty() : Optional.of(new SignedNote(text, signatures));
    }

    private static Optional<Signature> signatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || !VerifierKey.isKeyName(parts[0])) {
            return Optional.empty();
        }
        try {
            if (Base64.getDecoder().decode(parts[1]).length < 5) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return Optional.of(new Signature(parts[0], parts[1]));
    }
}
