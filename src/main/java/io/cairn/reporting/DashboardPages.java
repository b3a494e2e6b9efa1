package io.cairn.reporting;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamView;
import io.cairn.incidents.DetectionSource;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.Severity;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.ScriptJson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboards: the coordinator's whole picture, a team lead's queue and SLA, the printable management summary
 * (and its PDF), and the glossary that says how each figure is computed. Each chart has its table beside it and a
 * text alternative; every number is the API's.
 */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final Forecasts forecasts;
    private final IdentityManagement identity;
    private final IncidentManagement incidents;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ObjectMapper json;

    DashboardPages(
            Dashboards dashboards,
            Forecasts forecasts,
            IdentityManagement identity,
            IncidentManagement incidents,
            JdbcClient jdbc,
            MessageSource messages,
            ObjectMapper json) {
        this.dashboards = dashboards;
        this.forecasts = forecasts;
        this.identity = identity;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboards")
    String home() {
        Actor actor = identity.requireActor();
        return actor.hasAny(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR)
                ? "redirect:/dashboards/coordinator"
                : "redirect:/dashboards/team";
    }

    @GetMapping("/dashboards/coordinator")
    String coordinator(@RequestParam Map<String, String> given, Model model, HttpServletResponse response) {
        Map<String, String> filter = filter(given, false);
        show(dashboards.coordinator(filter, LocaleContextHolder.getLocale()), filter, model, response);
        return "reporting/coordinator";
    }

    @GetMapping("/dashboards/team")
    String team(@RequestParam Map<String, String> given, Model model, HttpServletResponse response) {
        Map<String, String> filter = filter(given, true);
        List<TeamView> teams = readableTeams();
        if (!filter.containsKey("team") && !teams.isEmpty()) {
            filter.put("team", teams.get(0).id().toString());
        }
        model.addAttribute("teams", teams);
        show(dashboards.team(filter, LocaleContextHolder.getLocale()), filter, model, response);
        return "reporting/team";
    }

    @GetMapping("/dashboards/management")
    String management(@RequestParam Map<String, String> given, Model model, HttpServletResponse response) {
        Map<String, String> filter = filter(given, false);
        Outcome<Dashboards.Summary> summary = dashboards.management(filter, LocaleContextHolder.getLocale());
        show(summary.map(Dashboards.Summary::panels), filter, model, response);
        model.addAttribute("summary", summary instanceof Outcome.Done<Dashboards.Summary> done ? done.value() : null);
        return "reporting/management";
    }

    @GetMapping("/dashboards/management.pdf")
    ResponseEntity<byte[]> managementPdf(@RequestParam Map<String, String> given) {
        Locale locale = LocaleContextHolder.getLocale();
        Dashboards.Summary summary = orFail(dashboards.management(filter(given, false), locale));
        byte[] pdf = ManagementPdf.render(summary, messages, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cairn-management-summary.pdf\"")
                .body(pdf);
    }

    @GetMapping("/dashboards/forecasts")
    String forecasts(
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable String series,
            Model model,
            HttpServletResponse response) {
        Outcome<List<ForecastView>> all = forecasts.forecasts(by);
        if (all instanceof Outcome.Refused<List<ForecastView>> refused
                && refused.refusal().fields().isEmpty()) {
            orFail(all);
        }
        List<ForecastView> shown = all instanceof Outcome.Done<List<ForecastView>> done ? done.value() : List.of();
        ForecastView chosen = shown.stream()
                .filter(view -> view.series().equals(series))
                .findFirst()
                .orElse(shown.isEmpty() ? null : shown.get(0));
        model.addAttribute("by", by == null || by.isBlank() ? "category" : by);
        model.addAttribute("forecasts", shown);
        model.addAttribute("chosen", chosen);
        model.addAttribute("chart", chosen == null ? "{}" : ScriptJson.of(json, chosen));
        model.addAttribute("anomalies", orFail(forecasts.anomalies()));
        model.addAttribute(
                "errors", all instanceof Outcome.Refused<?> ? RefusalErrors.answer(all, messages, response) : Map.of());
        return "reporting/forecasts";
    }

    @GetMapping("/dashboards/glossary")
    String glossary(Model model) {
        orFail(dashboards.readable());
        model.addAttribute(
                "metrics",
                java.util.Arrays.stream(Metric.values()).map(Metric::code).toList());
        model.addAttribute(
                "indicators",
                java.util.Arrays.stream(MaturityIndicator.values())
                        .map(MaturityIndicator::code)
                        .toList());
        return "reporting/glossary";
    }

    /** The page's filters as given, without the empty ones, and only those a dashboard takes. */
    private static Map<String, String> filter(Map<String, String> given, boolean team) {
        Map<String, String> filter = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (ReportingManagement.FILTERS.contains(name) && !value.isBlank() && (team || !"team".equals(name))) {
                filter.put(name, value.strip());
            }
        });
        return filter;
    }

    private void show(
            Outcome<List<Panel>> panels, Map<String, String> filter, Model model, HttpServletResponse response) {
        if (panels instanceof Outcome.Refused<List<Panel>> refused
                && refused.refusal().fields().isEmpty()) {
            throw failed(refused.refusal());
        }
        List<Panel> shown = panels instanceof Outcome.Done<List<Panel>> done ? done.value() : List.of();
        model.addAttribute("panels", shown);
        model.addAttribute("chart", chartData(shown));
        model.addAttribute(
                "errors",
                panels instanceof Outcome.Refused<?> ? RefusalErrors.answer(panels, messages, response) : Map.of());
        model.addAttribute("filter", filter);
        model.addAttribute("businessUnits", identity.businessUnits());
        model.addAttribute("allTeams", identity.teams());
        model.addAttribute(
                "legalEntities",
                jdbc.sql("select id::text as id, name from legal_entity order by name")
                        .query((row, n) -> Map.of("id", row.getString("id"), "name", row.getString("name")))
                        .list());
        Map<String, String> categories = new LinkedHashMap<>();
        incidents
                .categories()
                .forEach(choice -> categories.putIfAbsent(choice.category().rsitClass(), choice.classLabel()));
        model.addAttribute("categories", categories);
        model.addAttribute("priorities", incidents.priorityMatrix().priorities());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("sources", DetectionSource.values());
        model.addAttribute("granularities", Granularity.values());
    }

    /** The panels' tables as JSON for the charts. */
    private String chartData(List<Panel> panels) {
        Map<String, MetricTable> tables = new LinkedHashMap<>();
        panels.forEach(panel -> tables.put(panel.key(), panel.table()));
        return ScriptJson.of(json, tables);
    }

    private List<TeamView> readableTeams() {
        Actor actor = identity.requireActor();
        boolean all = actor.hasAny(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
        return identity.teams().stream()
                .filter(team -> all || actor.isMemberOf(team.id()))
                .toList();
    }

    private static <T> T orFail(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> refused) {
            Refusal refusal = refused.refusal();
            throw failed(refusal);
        }
        return ((Outcome.Done<T>) outcome).value();
    }

    /** A refusal that names no field, as the error page answers it (403, 404, ...). */
    static ResponseStatusException failed(Refusal refusal) {
        return new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()), refusal.message());
    }
}
