package io.cairn.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest of some content, written as lower-case hex. */
public record ContentDigest(String hex) {

    public ContentDigest {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
        }
    }

    /** The digest of the UTF-8 bytes of the text. */
    public static ContentDigest of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of the bytes. */
    public static ContentDigest of(byte[] bytes) {
        return new ContentDigest(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
