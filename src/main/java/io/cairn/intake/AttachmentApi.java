package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files that came with a report or were added later, for those who may see its incident. Only images of a few
 * plain kinds (sniffed PNG, JPEG, GIF, WebP) are shown inline with their real type; everything else, SVG and HTML
 * included, is a download of bytes, since a report may carry malware. Every answer forbids sniffing and runs in a
 * sandbox without scripts, so not even a mislabelled file can act in Cairn's name.
 */
@RestController
@Tag(
        name = "Attachments",
        description = "Files that came with a report or were added later, for those who may see the incident. Only "
                + "plain images are shown inline; everything else is a download.")
class AttachmentApi {

    private final IncidentManagement incidents;
    private final Attachments attachments;
    private final IntakeManagement intake;

    AttachmentApi(IncidentManagement incidents, Attachments attachments, IntakeManagement intake) {
        this.incidents = incidents;
        this.attachments = attachments;
        this.intake = intake;
    }

    /** Adds a file to an incident, for those who may add notes to it. */
    @Operation(
            operationId = "addAttachment",
            summary = "Add a file to an incident",
            description = "For those who may add notes to it.")
    @ApiResponse(responseCode = "201", description = "The file, kept")
    @PostMapping(path = "/api/v1/incidents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable IncidentId id, @RequestPart("file") MultipartFile file)
            throws IOException {
        AttachmentView kept = intake.attach(id, uploaded(file)).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/attachments/" + kept.id()))
                .body(kept);
    }

    /** The holder of a follow-up code adds a file to their report; the code travels in the body. */
    @Tag(name = "Anonymous reporting")
    @Operation(
            operationId = "addAttachmentByFollowUpCode",
            summary = "Add a file to a report with its code",
            description = "The code travels in the body, as a part beside the file.")
    @ApiResponse(responseCode = "201", description = "The file, kept")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong codes from this address: wait as long as the detail says.")
    @PostMapping(path = "/api/v1/public/follow-up/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> uploadByCode(
            @RequestPart("code") String code, @RequestPart("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (code.isBlank() || code.length() > 40) {
            throw new RefusedException(Refusal.invalid("code", IntakeRefusals.NOT_A_FOLLOW_UP_CODE_FORM));
        }
        return ResponseEntity.status(201)
                .body(intake.attachByFollowUpCode(code.trim(), uploaded(file), request.getRemoteAddr())
                        .orRefuse());
    }

    static UploadedFile uploaded(MultipartFile file) throws IOException {
        return new UploadedFile(
                file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
                file.getContentType(),
                file.getBytes());
    }

    @Operation(operationId = "listAttachments", summary = "List the files of an incident")
    @GetMapping("/api/v1/incidents/{id}/attachments")
    @Transactional
    List<AttachmentView> list(@PathVariable IncidentId id) {
        requireVisible(id);
        return attachments.of(id);
    }

    @Operation(
            operationId = "downloadAttachment",
            summary = "Download a file of an incident",
            description = "PNG, JPEG, GIF and WebP images (by their content, not their name) are shown inline with "
                    + "their type; everything else is a download of bytes.")
    @ApiResponse(
            responseCode = "200",
            description = "The file",
            content = {
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping("/api/v1/incidents/{id}/attachments/{attachment}")
    @Transactional
    ResponseEntity<byte[]> download(@PathVariable IncidentId id, @PathVariable UUID attachment) {
        requireVisible(id);
        Attachments.Stored stored = attachments
                .find(id, attachment)
                .orElseThrow(() ->
                        new RefusedException(Refusal.notFound("attachment " + attachment + " of incident " + id)));
        String sniffed = ContentSniffer.sniff(stored.content());
        boolean inline = INLINE_IMAGES.contains(sniffed);
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(sniffed) : MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(stored.attachment().filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(
                        "Repr-Digest",
                        "sha-256=:"
                                + java.util.Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of()
                                                .parseHex(stored.attachment().sha256()))
                                + ":")
                .body(stored.content());
    }

    /** Images a browser shows without running anything; SVG is left out, as it may carry scripts. */
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private void requireVisible(IncidentId id) {
        if (incidents.incident(id).isEmpty()) {
            throw new RefusedException(Refusal.notFound("incident " + id));
        }
    }
}
