package io.cairn.isms.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers with a held file to download: always as an attachment of bytes, whatever the file claims to be, never sniffed
 * by the browser and in a sandbox without scripts, since a file may well be malware; with its SHA-256 as a
 * {@code Repr-Digest} (RFC 9530) and as its strong ETag, so that the receiver can check what arrived.
 */
public final class FileDownloads {

    private FileDownloads() {}

    /** The file's bytes, named {@code fileName} for the browser to save, with their SHA-256 (hexadecimal). */
    public static ResponseEntity<byte[]> file(String fileName, String sha256, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Repr-Digest", "sha-256=:" + base64(sha256) + ":")
                .eTag("\"" + sha256 + "\"")
                .body(content);
    }

    /** A {@code Content-Disposition} that saves the file under its name (RFC 6266, in UTF-8 where it needs to). */
    public static String attachment(String name) {
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
