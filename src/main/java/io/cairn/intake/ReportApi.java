package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reporting through templates, and the templates themselves (admins edit them). */
@RestController
@Tag(
        name = "Report templates",
        description = "The guided templates reporters choose from: questions, self-help tips and defaults. Admins "
                + "edit them.")
class ReportApi {

    private final IntakeManagement intake;

    ReportApi(IntakeManagement intake) {
        this.intake = intake;
    }

    /** The templates a reporter chooses from; with {@code includeRetired=true} (admins) the retired ones too. */
    @Operation(
            operationId = "listReportTemplates",
            summary = "List the report templates",
            description = "The templates a reporter chooses from; with includeRetired=true (admins) the retired "
                    + "ones too.")
    @GetMapping("/api/v1/report-templates")
    List<ReportTemplate> templates(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return includeRetired ? intake.allTemplates().orRefuse() : intake.activeTemplates();
    }

    @Operation(operationId = "getReportTemplate", summary = "Read a report template")
    @GetMapping("/api/v1/report-templates/{key}")
    ReportTemplate template(@PathVariable String key) {
        return intake.template(key).orRefuse();
    }

    record NewTemplate(@NotNull String key, @NotNull @Valid TemplateContent content) {}

    @Operation(operationId = "addReportTemplate", summary = "Add a report template", description = "Admins.")
    @ApiResponse(responseCode = "201", description = "The template, added")
    @ApiResponse(responseCode = "409", description = "The key is already taken.")
    @PostMapping("/api/v1/report-templates")
    ResponseEntity<ReportTemplate> addTemplate(@Valid @RequestBody NewTemplate template) {
        ReportTemplate added =
                intake.addTemplate(template.key(), template.content()).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/report-templates/" + added.key()))
                .body(added);
    }

    record Revision(
            @NotNull @Valid TemplateContent content,
            @NotNull Long version) {}

    @Operation(operationId = "reviseReportTemplate", summary = "Revise a report template", description = "Admins.")
    @PutMapping("/api/v1/report-templates/{key}")
    ReportTemplate revise(@PathVariable String key, @Valid @RequestBody Revision revision) {
        return intake.reviseTemplate(key, revision.content(), revision.version())
                .orRefuse();
    }

    record Retirement(@NotNull Boolean retired, @NotNull Long version) {}

    @Operation(
            operationId = "retireReportTemplate",
            summary = "Retire or restore a report template",
            description = "Admins. Reporters no longer see a retired one.")
    @PostMapping("/api/v1/report-templates/{key}/retirement")
    ReportTemplate retire(@PathVariable String key, @Valid @RequestBody Retirement retirement) {
        return intake.retireTemplate(key, retirement.retired(), retirement.version())
                .orRefuse();
    }

    record Order(@NotNull List<String> keys) {}

    @Operation(
            operationId = "reorderReportTemplates",
            summary = "Put the report templates in order",
            description = "Admins: the order reporters see them in.")
    @PutMapping("/api/v1/report-template-order")
    List<ReportTemplate> reorder(@Valid @RequestBody Order order) {
        return intake.reorderTemplates(order.keys()).orRefuse();
    }

    /** Reports through a template; answers the reference and the self-help tips. */
    @Tag(
            name = "Reports",
            description = "Reporting through a template, and the answers of the report that opened an incident.")
    @Operation(
            operationId = "submitReport",
            summary = "Report through a template",
            description = "The answers follow the template's questions; the answer holds the reference and the "
                    + "self-help tips.")
    @ApiResponse(
            responseCode = "201",
            description = "The reference and the self-help tips; `Location` names the incident")
    @PostMapping("/api/v1/reports")
    ResponseEntity<ReportReceipt> submit(@Valid @RequestBody ReportSubmission submission) {
        ReportReceipt receipt = intake.submitReport(submission).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + receipt.incident()))
                .body(receipt);
    }

    /** The questions and answers of the report that opened an incident, as they were asked. */
    @Tag(name = "Reports")
    @Operation(
            operationId = "getReportAnswers",
            summary = "Read the report that opened an incident",
            description = "Its questions and answers, as they were asked.")
    @GetMapping("/api/v1/incidents/{id}/report")
    List<AnswerAsked> answers(@PathVariable IncidentId id) {
        return intake.answers(id)
                .orElseThrow(() -> new RefusedException(Refusal.notFound("a report for incident " + id)));
    }
}
