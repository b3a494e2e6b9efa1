package io.cairn.isms.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers with evidence to download: always as an attachment of bytes, whatever the file claims to be, never sniffed by
 * the browser and in a sandbox without scripts, since evidence may well be malware; with its SHA-256 as a
 * {@code Repr-Digest} (RFC 9530) so that the receiver can check what arrived.
 */
@Component
class EvidenceDownloads {

    ResponseEntity<byte[]> file(EvidenceReading.HeldContent held) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(held.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Repr-Digest", "sha-256=:" + base64(held.sha256()) + ":")
                .body(held.content());
    }

    ResponseEntity<byte[]> pdf(EvidenceView item, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        attachment("custody-" + item.incidentReference() + "-" + item.label() + ".pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
