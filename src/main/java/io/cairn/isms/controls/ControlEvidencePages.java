package io.cairn.isms.controls;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditors' page of the evidence of a control: the choice of a control, a period (with presets such as the last
 * quarter) and optionally a procedure type, in a form that works without script; then the summary, the exceptions,
 * the first runs with their timelines, and links to the CSV and the PDF of every run. Others get 403.
 */
@Controller
class ControlEvidencePages {

    /** A period to take with one click, such as the last quarter: its message key and its query. */
    public record Preset(String key, String query) {}

    private final ControlEvidence evidence;
    private final EvidenceTexts texts;
    private final MessageSource messages;
    private final Clock clock;

    ControlEvidencePages(ControlEvidence evidence, EvidenceTexts texts, MessageSource messages, Clock clock) {
        this.evidence = evidence;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/procedures/evidence")
    String page(
            @RequestParam(required = false) @Nullable String control,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String procedureType,
            @RequestParam(required = false) @Nullable String withinWorkingDays,
            @RequestParam(required = false) @Nullable String calendar,
            Model model,
            HttpServletResponse response) {
        if (!evidence.mayRead()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LocalDate today = LocalDate.now(clock.withZone(texts.zone()));
        LocalDate[] quarter = lastQuarter(today);
        EvidenceAsked asked = new EvidenceAsked(
                control,
                from == null ? quarter[0].toString() : from,
                to == null ? quarter[1].toString() : to,
                procedureType == null || procedureType.isBlank() ? null : procedureType,
                withinWorkingDays == null || withinWorkingDays.isBlank() ? null : withinWorkingDays,
                calendar == null || calendar.isBlank() ? null : calendar);
        model.addAttribute("asked", asked);
        model.addAttribute("calendars", evidence.calendars());
        model.addAttribute("controls", evidence.controls());
        model.addAttribute("types", evidence.types());
        model.addAttribute("presets", presets(asked, today));
        model.addAttribute("errors", Map.of());
        model.addAttribute("texts", new ControlEvidenceTimes(texts));
        if (control != null) {
            Outcome<ControlEvidenceReport> report = evidence.report(asked);
            if (report instanceof Outcome.Done<ControlEvidenceReport> done) {
                model.addAttribute("report", done.value());
                model.addAttribute("query", query(asked));
            } else {
                model.addAttribute("errors", RefusalErrors.answer(report, messages, response));
            }
        }
        return "isms/control-evidence";
    }

    private static LocalDate[] lastQuarter(LocalDate today) {
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate start = thisQuarter.minusMonths(3);
        return new LocalDate[] {start, thisQuarter.minusDays(1)};
    }

    private static List<Preset> presets(EvidenceAsked asked, LocalDate today) {
        LocalDate[] last = lastQuarter(today);
        LocalDate thisQuarter = last[1].plusDays(1);
        LocalDate thisYear = today.withDayOfYear(1);
        List<Preset> presets = new ArrayList<>();
        presets.add(preset("last-quarter", asked, last[0], last[1]));
        presets.add(preset(
                "this-quarter", asked, thisQuarter, thisQuarter.plusMonths(3).minusDays(1)));
        presets.add(preset("last-year", asked, thisYear.minusYears(1), thisYear.minusDays(1)));
        presets.add(preset("this-year", asked, thisYear, thisYear.plusYears(1).minusDays(1)));
        return presets;
    }

    private static Preset preset(String key, EvidenceAsked asked, LocalDate from, LocalDate to) {
        return new Preset(
                key,
                query(new EvidenceAsked(
                        asked.control(),
                        from.toString(),
                        to.toString(),
                        asked.procedureType(),
                        asked.withinWorkingDays(),
                        asked.calendar())));
    }

    /** The query string of the asked evidence, for the links to the presets, the CSV and the PDF. */
    static String query(EvidenceAsked asked) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (asked.control() != null) {
            query.queryParam("control", asked.control());
        }
        query.queryParam("from", asked.from()).queryParam("to", asked.to());
        if (asked.procedureType() != null) {
            query.queryParam("procedureType", asked.procedureType());
        }
        if (asked.withinWorkingDays() != null) {
            query.queryParam("withinWorkingDays", asked.withinWorkingDays())
                    .queryParam("calendar", java.util.Objects.requireNonNullElse(asked.calendar(), ""));
        }
        return java.util.Objects.requireNonNullElse(query.encode().build().getQuery(), "");
    }
}
