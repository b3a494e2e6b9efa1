package io.cairn.intake;

import io.cairn.incidents.ReporterView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reporting without an account: the templates, the report, and the follow-up with the code the report answers.
 * Codes travel in bodies, never in URLs, so they stay out of logs and browser histories.
 */
@RestController
@Tag(
        name = "Anonymous reporting",
        description = "Reporting without an account: the templates, the report, and the follow-up with the code the "
                + "report answers. Codes travel in bodies, never in URLs.")
class PublicReportApi {

    private final IntakeManagement intake;

    PublicReportApi(IntakeManagement intake) {
        this.intake = intake;
    }

    @Operation(operationId = "listPublicReportTemplates", summary = "List the report templates")
    @GetMapping("/api/v1/public/report-templates")
    List<ReportTemplate> templates() {
        return intake.activeTemplates();
    }

    /** Reports anonymously; the answer holds the follow-up code, shown this once. */
    @Operation(operationId = "reportAnonymously", summary = "Report anonymously")
    @ApiResponse(
            responseCode = "201",
            description = "The reference, the self-help tips and the follow-up code, shown this once")
    @PostMapping("/api/v1/public/reports")
    ResponseEntity<AnonymousReceipt> report(@Valid @RequestBody ReportSubmission submission) {
        return ResponseEntity.status(201)
                .body(intake.submitAnonymousReport(submission).orRefuse());
    }

    record FollowUp(@NotBlank @Size(max = 40) String code) {}

    @Operation(
            operationId = "followUpReport",
            summary = "Follow up a report with its code",
            description = "Its status, outcome, questions and replies.")
    @ApiResponse(responseCode = "200", description = "What the holder of the code may see of the incident")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong codes from this address: wait as long as the detail says.")
    @PostMapping("/api/v1/public/follow-up")
    ReporterView followUp(@Valid @RequestBody FollowUp followUp, HttpServletRequest request) {
        return intake.followUp(followUp.code(), request.getRemoteAddr()).orRefuse();
    }

    record Reply(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 10_000) String text) {}

    @Operation(operationId = "replyByFollowUpCode", summary = "Answer the handlers, or add to a report, with its code")
    @ApiResponse(
            responseCode = "200",
            description = "What the holder of the code may see of the incident, with the reply")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong codes from this address: wait as long as the detail says.")
    @PostMapping("/api/v1/public/follow-up/replies")
    ReporterView reply(@Valid @RequestBody Reply reply, HttpServletRequest request) {
        return intake.replyByFollowUpCode(reply.code(), reply.text(), request.getRemoteAddr())
                .orRefuse();
    }
}
