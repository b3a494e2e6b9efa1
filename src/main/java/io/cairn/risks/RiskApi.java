package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.LazyBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The risk register's API: risks registered, revised, assessed, materialized, closed and reopened, and listed. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Risks",
        description = "The risk register: likelihood and impact on configured scales, severity from the configured "
                + "matrix, owner, treatment, residual assessment, mitigation target date and status. Coordinators "
                + "and admins change it; they and auditors read it.")
class RiskApi {

    private final RiskManagement risks;
    private final RiskExport export;
    private final Clock clock;

    RiskApi(RiskManagement risks, RiskExport export, Clock clock) {
        this.risks = risks;
        this.export = export;
        this.clock = clock;
    }

    @Operation(
            operationId = "listRisks",
            summary = "List the risks",
            description = "Filtered by status, severity, business unit, owner, and overdue=true for the risks that "
                    + "are not closed and whose mitigation target date has passed; sorted by target, severity, "
                    + "created or title (a leading dash reverses), in pages from 0.")
    @GetMapping("/risks")
    RiskPage list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable BusinessUnitId businessUnit,
            @RequestParam(required = false) @Nullable UserId owner,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "target") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return risks.list(new RiskManagement.Filters(status, severity, businessUnit, owner, overdue, sort, page, size))
                .orRefuse();
    }

    @Operation(
            operationId = "getRisksCsv",
            summary = "The risk register as CSV",
            description = "With the list's filters and order, all pages: RFC 4180 with a header row of the fields' "
                    + "names; written as it is read, so a register of any size can be exported. A cell that a "
                    + "spreadsheet would take for a formula is led by an apostrophe.")
    @ApiResponse(responseCode = "200", description = "The risks as CSV (text/csv)")
    @GetMapping("/risks.csv")
    void csv(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable BusinessUnitId businessUnit,
            @RequestParam(required = false) @Nullable UserId owner,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "target") String sort,
            HttpServletResponse response) {
        RiskManagement.Filters filters =
                new RiskManagement.Filters(status, severity, businessUnit, owner, overdue, sort, 0, 1);
        Runnable start = () -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risks.csv\"");
        };
        try (Writer out = LazyBody.writer(response)) {
            export.csv(filters, start, out).orRefuse();
        } catch (IOException e) {
            throw new UncheckedIOException("the reader of the CSV went away", e);
        }
    }

    @Operation(
            operationId = "getRiskMatrix",
            summary = "Read the risk matrix",
            description = "The likelihood, impact and severity scales, lowest first, and the severity of each "
                    + "likelihood (row) and impact (column); set by cairn.risks.* in the configuration.")
    @GetMapping("/risks/matrix")
    RiskMatrix matrix() {
        return risks.matrix();
    }

    @Operation(
            operationId = "getRiskHeatMap",
            summary = "The heat map of the risks",
            description = "How many risks that are not closed lie in each likelihood (row) and impact (column) "
                    + "cell, by their current and by their residual assessment; of one business unit, or of all.")
    @GetMapping("/risks/heat-map")
    HeatMap heatMap(@RequestParam(required = false) @Nullable BusinessUnitId businessUnit) {
        return risks.heatMap(businessUnit).orRefuse();
    }

    @Operation(
            operationId = "getRiskSeverityTrend",
            summary = "The trend of the risks' severity",
            description = "How many risks were open at each severity at the end of each month, from the history of "
                    + "their changes; of one business unit, or of all. from and to are months (2026-01); by default "
                    + "the last twelve.")
    @GetMapping("/risks/trend")
    SeverityTrend trend(
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            @RequestParam(required = false) @Nullable BusinessUnitId businessUnit) {
        YearMonth last = to == null ? YearMonth.now(clock) : to;
        return risks.trend(from == null ? last.minusMonths(11) : from, last, businessUnit)
                .orRefuse();
    }

    @Operation(
            operationId = "registerRisk",
            summary = "Register a risk",
            description = "Coordinators and admins. Needs a title, an owner (a user id), a likelihood and an "
                    + "impact by their labels; a residual likelihood and impact both or neither. A mitigation target "
                    + "date in the past is allowed: the risk is overdue at once.")
    @ApiResponse(responseCode = "201", description = "The risk, registered as anticipated")
    @PostMapping("/risks")
    ResponseEntity<Risk> register(@RequestBody RiskForms.NewRisk form) {
        Risk risk = risks.register(form).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/risks/" + risk.id()))
                .eTag(String.valueOf(risk.version()))
                .body(risk);
    }

    @Operation(operationId = "getRisk", summary = "Read a risk")
    @GetMapping("/risks/{id}")
    ResponseEntity<Risk> risk(@PathVariable RiskId id) {
        Risk risk = risks.risk(id).orRefuse();
        return ResponseEntity.ok().eTag(String.valueOf(risk.version())).body(risk);
    }

    @Operation(
            operationId = "reviseRisk",
            summary = "Revise what a risk is, its owner, treatment and target date",
            description = "Coordinators and admins; version must be the stored version.")
    @PutMapping("/risks/{id}")
    Risk revise(@PathVariable RiskId id, @RequestBody RiskForms.RiskRevision form) {
        return risks.revise(id, form).orRefuse();
    }

    @Operation(
            operationId = "assessRisk",
            summary = "Assess a risk again",
            description = "Its likelihood and impact, and the residual ones both or neither; the severities come "
                    + "from the matrix.")
    @PostMapping("/risks/{id}/assessment")
    Risk assess(@PathVariable RiskId id, @RequestBody RiskForms.RiskReassessment form) {
        return risks.assess(id, form).orRefuse();
    }

    @Operation(operationId = "materializeRisk", summary = "Record that an anticipated risk materialized")
    @PostMapping("/risks/{id}/materialize")
    Risk materialize(@PathVariable RiskId id, @RequestBody RiskForms.RiskStep step) {
        return risks.materialize(id, step.version()).orRefuse();
    }

    @Operation(
            operationId = "closeRisk",
            summary = "Close a risk",
            description = "For a reason: eliminated, accepted, mitigated, transferred or no_risk; its closing time "
                    + "and resolution duration follow.")
    @PostMapping("/risks/{id}/close")
    Risk close(@PathVariable RiskId id, @RequestBody RiskForms.RiskClosing closing) {
        return risks.close(id, closing).orRefuse();
    }

    @Operation(
            operationId = "reopenRisk",
            summary = "Reopen a closed risk",
            description = "Materialized again if it ever materialized, anticipated otherwise.")
    @PostMapping("/risks/{id}/reopen")
    Risk reopen(@PathVariable RiskId id, @RequestBody RiskForms.RiskStep step) {
        return risks.reopen(id, step.version()).orRefuse();
    }

    /** An incident to link or unlink, by its reference ({@code INC-12}) or id. */
    record RiskIncidentLink(@Nullable String incident) {}

    /** An asset to link or unlink: a {@code device} or a {@code service}, by its id. */
    record RiskAssetLink(@Nullable String kind, @Nullable UUID asset) {}

    @Operation(
            operationId = "getRiskLinks",
            summary = "The incidents and assets linked to a risk",
            description = "Only those you may see.")
    @GetMapping("/risks/{id}/links")
    LinkedThings links(@PathVariable RiskId id) {
        return risks.links(id).orRefuse();
    }

    @Operation(
            operationId = "linkRiskIncident",
            summary = "Link an incident to a risk",
            description = "Coordinators and admins; an incident you may not see is not found. Linking again changes "
                    + "nothing.")
    @PostMapping("/risks/{id}/incidents")
    LinkedThings linkIncident(@PathVariable RiskId id, @RequestBody RiskIncidentLink link) {
        return risks.linkIncident(id, link.incident(), true).orRefuse();
    }

    @Operation(operationId = "unlinkRiskIncident", summary = "Unlink an incident from a risk")
    @DeleteMapping("/risks/{id}/incidents/{incident}")
    LinkedThings unlinkIncident(@PathVariable RiskId id, @PathVariable String incident) {
        return risks.linkIncident(id, incident, false).orRefuse();
    }

    @Operation(
            operationId = "linkRiskAsset",
            summary = "Link an asset to a risk",
            description = "A device or a service you may see; coordinators and admins.")
    @PostMapping("/risks/{id}/assets")
    LinkedThings linkAsset(@PathVariable RiskId id, @RequestBody RiskAssetLink link) {
        return risks.linkAsset(id, link.kind(), link.asset(), true).orRefuse();
    }

    @Operation(operationId = "unlinkRiskAsset", summary = "Unlink an asset from a risk")
    @DeleteMapping("/risks/{id}/assets/{kind}/{asset}")
    LinkedThings unlinkAsset(@PathVariable RiskId id, @PathVariable String kind, @PathVariable UUID asset) {
        return risks.linkAsset(id, kind, asset, false).orRefuse();
    }

    @Operation(
            operationId = "listIncidentRisks",
            summary = "The risks linked to an incident",
            description = "For readers of the risk register, on an incident they may see.")
    @GetMapping("/incidents/{id}/risks")
    List<Risk> incidentRisks(@PathVariable IncidentId id) {
        return risks.risksOf(id).orRefuse();
    }
}
