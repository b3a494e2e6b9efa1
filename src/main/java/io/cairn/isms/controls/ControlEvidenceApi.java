package io.cairn.isms.controls;

import io.cairn.shared.LazyBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of the evidence of controls: the runs that evidence an ISO/IEC 27001:2022 Annex A control in a period, with
 * their timelines and exceptions, as JSON, CSV and the auditor's PDF.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Control evidence",
        description =
                "For auditors, coordinators and admins: the runs of security procedures started in a period "
                        + "that evidence an ISO/IEC 27001:2022 Annex A control, each with its timeline (who did each step, "
                        + "when, with what note) and its exceptions (late, missed, rejected, cancelled, skipped, decided by "
                        + "the requester, not within the working days asked), never hidden. Every read is recorded in the audit trail.")
class ControlEvidenceApi {

    private static final String PARAMETERS = " control: an Annex A number such as 5.18 (A.5.18 too); from and to: "
            + "the first and last day of the period (at most 5 years), whole days in cairn.isms.zone; procedureType: "
            + "the id of one procedure type (every type if empty); withinWorkingDays (0 to 366) and calendar (the id or "
            + "name of an SLA calendar): each run completed later than the end of that many working days after the "
            + "day it started, or still open past it, is an exception (not-within-target), and the summary counts "
            + "the runs within it.";

    private final ControlEvidence evidence;

    ControlEvidenceApi(ControlEvidence evidence) {
        this.evidence = evidence;
    }

    @Operation(
            operationId = "getControlEvidence",
            summary = "The evidence of a control for a period",
            description = "The control and the period, the runs by start time, every exception with its reason in "
                    + "the reader's language, and the summary (runs, completed on time, still open and not yet due, "
                    + "with exceptions, exceptions by kind); written as the runs are read, so runs come before the "
                    + "exceptions and the summary." + PARAMETERS)
    @ApiResponse(
            responseCode = "200",
            description = "The evidence",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @GetMapping(value = "/control-evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    void json(
            @RequestParam(required = false) @Nullable String control,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String procedureType,
            @RequestParam(required = false) @Nullable String withinWorkingDays,
            @RequestParam(required = false) @Nullable String calendar,
            HttpServletResponse response) {
        Runnable start = () -> response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        evidence.json(
                        new EvidenceAsked(control, from, to, procedureType, withinWorkingDays, calendar),
                        start,
                        LazyBody.stream(response))
                .orRefuse();
    }

    @Operation(
            operationId = "getControlEvidenceCsv",
            summary = "The evidence of a control as CSV",
            description = "RFC 4180 with a header row: one row per step of a run's timeline (the steps that evidence "
                    + "the control and the run's approvals) with the run's columns repeated, its exceptions in "
                    + "runExceptions and the step's in stepExceptions; times in UTC (ISO 8601). Written as it is read; "
                    + "a cell that a spreadsheet would take for a formula is led by an apostrophe." + PARAMETERS)
    @ApiResponse(
            responseCode = "200",
            description = "The evidence as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/control-evidence.csv")
    void csv(
            @RequestParam(required = false) @Nullable String control,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String procedureType,
            @RequestParam(required = false) @Nullable String withinWorkingDays,
            @RequestParam(required = false) @Nullable String calendar,
            HttpServletResponse response) {
        Runnable start = () -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"control-evidence-" + fileName(control) + ".csv\"");
        };
        try (Writer out = LazyBody.writer(response)) {
            evidence.csv(new EvidenceAsked(control, from, to, procedureType, withinWorkingDays, calendar), start, out)
                    .orRefuse();
        } catch (IOException e) {
            throw new UncheckedIOException("the reader of the CSV went away", e);
        }
    }

    @Operation(
            operationId = "getControlEvidencePdf",
            summary = "The auditor's report of a control as a PDF",
            description = "In the reader's language (Accept-Language): the control and the period, the summary, "
                    + "the exceptions first, then every run with its timeline; times in UTC and in cairn.isms.zone. "
                    + "A period of more than 5,000 such runs is refused (naming to): take the CSV." + PARAMETERS)
    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/control-evidence.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) @Nullable String control,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String procedureType,
            @RequestParam(required = false) @Nullable String withinWorkingDays,
            @RequestParam(required = false) @Nullable String calendar) {
        byte[] pdf = evidence.pdf(new EvidenceAsked(control, from, to, procedureType, withinWorkingDays, calendar))
                .orRefuse();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"control-evidence-" + fileName(control) + ".pdf\"")
                .body(pdf);
    }

    private static String fileName(@Nullable String control) {
        return control == null ? "" : control.replaceAll("[^A-Za-z0-9.]", "");
    }
}
