package io.cairn.reporting;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metrics through the API, as JSON or CSV ({@code .csv} or {@code Accept: text/csv}), computed by the same query
 * layer as the dashboards, so that the numbers match.
 */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(
        name = "Metrics",
        description = "How well incidents are handled (MET-1 to MET-9): volume, durations, breakdowns, detection "
                + "sources, seriousness, SLA performance and breaches, backlog age, what is overdue. Coordinators, "
                + "admins and auditors read them all; a handler those of a team they belong to (team=...). The "
                + "period is from..to (days, both included, in cairn.reporting.zone), cut into periods of a day, "
                + "week, month, quarter or year; without one, the last twelve months by month.")
class MetricsApi {

    private final ReportingManagement reporting;

    MetricsApi(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    @Operation(operationId = "listMetrics", summary = "The names of the metrics")
    @GetMapping
    List<String> metrics() {
        return reporting.names().orRefuse();
    }

    @Operation(
            operationId = "getMetric",
            summary = "A metric as a table of named columns and rows",
            description = "Durations are in seconds, shares in percent (one decimal); a figure that does not exist "
                    + "(the median of nothing) is null. breakdown and sla take by=business-unit, legal-entity, team, "
                    + "category, priority, severity, detection-source, asset, service, veris-actor, veris-action or veris-asset "
                    + "(the categories of the incidents' VERIS descriptions); sla-breaches takes limit "
                    + "(1 to 10,000, default 1,000; the CSV export holds every row).")
    @Filters
    @GetMapping("/{metric}")
    MetricTable metric(@PathVariable String metric, HttpServletRequest request) {
        return reporting.metric(metric, parameters(request)).orRefuse();
    }

    @Operation(operationId = "getMetricCsvByAccept", summary = "A metric as CSV (Accept: text/csv)")
    @ApiResponse(
            responseCode = "200",
            description = "The metric as CSV (RFC 4180, UTF-8, a header row of the columns' keys)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @Filters
    @GetMapping(value = "/{metric}", produces = "text/csv")
    void csvByAccept(@PathVariable String metric, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        csv(metric, request, response);
    }

    @Operation(operationId = "getMetricCsv", summary = "A metric as CSV, streamed row by row")
    @ApiResponse(
            responseCode = "200",
            description = "The metric as CSV (RFC 4180, UTF-8, a header row of the columns' keys)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @Filters
    @GetMapping("/{metric}.csv")
    void csv(@PathVariable String metric, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Metric.Request allowed = reporting.read(metric, parameters(request)).orRefuse();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + metric + ".csv\"");
        reporting.writeCsv(allowed, response.getOutputStream());
    }

    /** The query's parameters, each given once; a parameter given twice is refused rather than one of them picked. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length != 1) {
                throw new RefusedException(Refusal.invalid(parameter.getKey(), ReportingRefusals.REPEATED));
            }
            parameters.put(parameter.getKey(), parameter.getValue()[0]);
        }
        return parameters;
    }

    /** The filters every metric takes, as the API's description lists them. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(in = ParameterIn.QUERY, name = "from", description = "The first day (yyyy-mm-dd)")
    @Parameter(in = ParameterIn.QUERY, name = "to", description = "The last day (yyyy-mm-dd), included")
    @Parameter(in = ParameterIn.QUERY, name = "period", description = "day, week, month, quarter or year")
    @Parameter(in = ParameterIn.QUERY, name = "businessUnit", description = "A business unit's id")
    @Parameter(in = ParameterIn.QUERY, name = "legalEntity", description = "A legal entity's id")
    @Parameter(in = ParameterIn.QUERY, name = "team", description = "A team's id")
    @Parameter(in = ParameterIn.QUERY, name = "category", description = "An RSIT class, or class/type")
    @Parameter(in = ParameterIn.QUERY, name = "priority", description = "A priority's label or level")
    @Parameter(in = ParameterIn.QUERY, name = "severity", description = "low, medium, high or critical")
    @Parameter(in = ParameterIn.QUERY, name = "detectionSource", description = "automated, internal_human or external")
    @Parameter(in = ParameterIn.QUERY, name = "by", description = "breakdown and sla: the dimension")
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "sla-breaches: the most rows (JSON)")
    @interface Filters {}
}
