package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files that came with a report, for those who may see its incident. A file is always sent as a download of
 * bytes, never with its own type: a mailed report may carry malware, and a browser must not open it.
 */
@RestController
class AttachmentApi {

    private final IncidentManagement incidents;
    private final Attachments attachments;

    AttachmentApi(IncidentManagement incidents, Attachments attachments) {
        this.incidents = incidents;
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/incidents/{id}/attachments")
    @Transactional
    List<AttachmentView> list(@PathVariable IncidentId id) {
        requireVisible(id);
        return attachments.of(id);
    }

    @GetMapping("/api/v1/incidents/{id}/attachments/{attachment}")
    @Transactional
    ResponseEntity<byte[]> download(@PathVariable IncidentId id, @PathVariable UUID attachment) {
        requireVisible(id);
        Attachments.Stored stored = attachments.find(id, attachment).orElseThrow(() -> new RefusedException(
                Refusal.notFound("attachment " + attachment + " of incident " + id)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(stored.attachment().sha256())) + ":")
                .body(stored.content());
    }

    private void requireVisible(IncidentId id) {
        if (incidents.incident(id).isEmpty()) {
            throw new RefusedException(Refusal.notFound("incident " + id));
        }
    }
}
