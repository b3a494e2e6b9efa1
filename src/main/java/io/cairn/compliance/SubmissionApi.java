package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report of each stage of an incident's obligation: drafted from the incident, edited by handlers, exported as
 * JSON and PDF, and submitted: frozen with its SHA-256, channel, recipient and the authority's reference.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}/compliance/obligations/{obligation}/stages/{stage}")
@Tag(
        name = "Submissions",
        description = "Reports to authorities per stage of an obligation (GDPR Art. 33(3), NIS2 Art. 23(4), DORA "
                + "initial, intermediate and final): the draft, its exports, and the frozen submissions.")
class SubmissionApi {

    /** New values of the draft's fields (by field id; fields not named keep theirs) and the version read. */
    record DraftChange(
            @Nullable Map<String, String> fields, @NotNull Long version) {}

    /**
     * A submission of the draft at the version read.
     *
     * @param channel portal, api, e-mail, letter or phone
     * @param reference the authority's reference number; required for portal and api
     * @param delayReason why the report is late; required after the stage's due instant
     */
    record Submit(
            @Nullable String channel,
            @Nullable String recipient,
            @Nullable String reference,
            @Nullable String delayReason,
            @NotNull Long version) {}

    private final ObligationSubmissions submissions;

    SubmissionApi(ObligationSubmissions submissions) {
        this.submissions = submissions;
    }

    @Operation(
            operationId = "getStageReport",
            summary = "Read the report of an obligation's stage: its draft, missing fields and submissions")
    @GetMapping("/submission")
    ReportDraftView report(@PathVariable IncidentId id, @PathVariable UUID obligation, @PathVariable String stage) {
        return submissions.report(id, obligation, stage).orRefuse();
    }

    @Operation(
            operationId = "changeStageReport",
            summary = "Change fields of the draft of a stage's report",
            description = "Needs the version of the draft the caller read (0 before the first save; 409 when someone "
                    + "changed it first). Every field at fault is named.")
    @PutMapping("/submission")
    ReportDraftView change(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @Valid @RequestBody DraftChange change) {
        return submissions
                .saveDraft(id, obligation, stage, change.fields(), change.version())
                .orRefuse();
    }

    @Operation(operationId = "exportStageReportJson", summary = "The draft of a stage's report as JSON")
    @GetMapping("/submission/json")
    ResponseEntity<byte[]> draftJson(
            @PathVariable IncidentId id, @PathVariable UUID obligation, @PathVariable String stage) {
        return file(submissions.exportDraft(id, obligation, stage, "json").orRefuse());
    }

    @Operation(
            operationId = "exportStageReportPdf",
            summary = "The draft of a stage's report as a PDF in the reader's language")
    @GetMapping("/submission/pdf")
    ResponseEntity<byte[]> draftPdf(
            @PathVariable IncidentId id, @PathVariable UUID obligation, @PathVariable String stage) {
        return file(submissions.exportDraft(id, obligation, stage, "pdf").orRefuse());
    }

    @Operation(
            operationId = "submitStageReport",
            summary = "Submit the draft of a stage's report, frozen",
            description = "Needs every mandatory field (a refusal names each one missing), the channel, the recipient, "
                    + "the authority's reference for portal and api, and after the due instant the reason for the "
                    + "delay. Freezes the exact JSON bytes with their SHA-256; a later submission of the stage is a "
                    + "correction that names the one before. Needs the draft's version (409 when it changed).")
    @PostMapping("/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    SubmissionView submit(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @Valid @RequestBody Submit submit) {
        return submissions
                .submit(
                        id,
                        obligation,
                        stage,
                        new StageSubmitting.Request(
                                submit.channel(),
                                submit.recipient(),
                                submit.reference(),
                                submit.delayReason(),
                                submit.version()))
                .orRefuse();
    }

    @Operation(operationId = "getSubmissionJson", summary = "A submission's frozen JSON, byte for byte")
    @GetMapping("/submissions/{submission}/json")
    ResponseEntity<byte[]> submissionJson(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @PathVariable UUID submission) {
        return file(submissions
                .exportSubmission(id, obligation, stage, submission, "json")
                .orRefuse());
    }

    @Operation(operationId = "getSubmissionPdf", summary = "A submission as a PDF in the reader's language")
    @GetMapping("/submissions/{submission}/pdf")
    ResponseEntity<byte[]> submissionPdf(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @PathVariable UUID submission) {
        return file(submissions
                .exportSubmission(id, obligation, stage, submission, "pdf")
                .orRefuse());
    }

    /** The file as an attachment with its name. */
    static ResponseEntity<byte[]> file(ObligationSubmissions.Export export) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.filename())
                                .build()
                                .toString())
                .body(export.content());
    }
}
