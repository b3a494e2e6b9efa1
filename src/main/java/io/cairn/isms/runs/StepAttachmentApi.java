package io.cairn.isms.runs;

import io.cairn.isms.files.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The API of the files attached to the steps of runs: attach one while the step is open, list them, download one. */
@RestController
@RequestMapping("/api/v1/procedure-steps/{id}/attachments")
@Tag(name = "Procedure runs")
class StepAttachmentApi {

    private final StepAttachments attachments;

    StepAttachmentApi(StepAttachments attachments) {
        this.attachments = attachments;
    }

    @Operation(
            operationId = "attachFileToProcedureStep",
            summary = "Attach a file to a step",
            description = "Those who may complete the task or decide the approval, while it is open. Cairn computes "
                    + "the file's SHA-256 as it stores it; the file may be as large as "
                    + "`cairn.isms.attachments.max-file-size` (25 MB unless configured), with an optional "
                    + "`description` of at most 500 characters. Attachments are never removed: attach a corrected "
                    + "file with a description that says which one it supersedes. Every attachment is in the audit "
                    + "trail, with the file's SHA-256 as the record's after-digest.")
    @ApiResponse(responseCode = "201", description = "The attachment, stored")
    @ApiResponse(responseCode = "400", description = "No file, an empty file, or a description that is too long")
    @ApiResponse(responseCode = "403", description = "You may see the step but not do or decide it")
    @ApiResponse(responseCode = "404", description = "No such step, or one you may not see")
    @ApiResponse(
            responseCode = "409",
            description = "The step or its run is no longer open (its state is named), or its phase has not started")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StepAttachment> attach(
            @PathVariable RunStepId id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String description)
            throws IOException {
        StepAttachment attached = attachments
                .attach(id, file.getOriginalFilename(), file.getContentType(), description, file.getInputStream())
                .orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/procedure-steps/" + id + "/attachments/" + attached.id()))
                .body(attached);
    }

    @Operation(
            operationId = "listProcedureStepAttachments",
            summary = "List the files attached to a step",
            description = "Whoever may read the step; oldest first, each with its SHA-256.")
    @ApiResponse(responseCode = "200", description = "The attachments")
    @ApiResponse(responseCode = "404", description = "No such step, or one you may not see")
    @GetMapping
    List<StepAttachment> list(@PathVariable RunStepId id) {
        return attachments.of(id).orRefuse();
    }

    @Operation(
            operationId = "downloadProcedureStepAttachment",
            summary = "Download a file attached to a step",
            description = "Whoever may read the step. Always a download (never shown inline), with the SHA-256 in a "
                    + "`Repr-Digest` header (RFC 9530) and as the ETag.")
    @ApiResponse(
            responseCode = "200",
            description = "The file",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such step or attachment, or one you may not see")
    @GetMapping("/{attachment}")
    ResponseEntity<byte[]> download(@PathVariable RunStepId id, @PathVariable StepAttachmentId attachment) {
        StepAttachmentStore.Content content =
                attachments.content(id, attachment).orRefuse();
        return FileDownloads.file(content.fileName(), content.sha256(), content.bytes());
    }
}
