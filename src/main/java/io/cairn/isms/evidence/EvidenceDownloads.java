package io.cairn.isms.evidence;

import io.cairn.isms.files.FileDownloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers with evidence to download: the held file as {@link FileDownloads} answers every file (an attachment of
 * bytes, never sniffed, in a sandbox, with its SHA-256 as a {@code Repr-Digest}), and the custody record as a PDF.
 */
@Component
class EvidenceDownloads {

    ResponseEntity<byte[]> file(EvidenceReading.HeldContent held) {
        return FileDownloads.file(held.fileName(), held.sha256(), held.content());
    }

    ResponseEntity<byte[]> pdf(EvidenceView item, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        FileDownloads.attachment("custody-" + item.incidentReference() + "-" + item.label() + ".pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }
}
