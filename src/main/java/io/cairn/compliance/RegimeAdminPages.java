package io.cairn.compliance;

import io.cairn.shared.Outcome;
import java.time.Duration;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of regimes: the regimes in force with their version, source and stages, read-only, and the files
 * the last load refused with where and why; a button loads the files again.
 */
@Controller
class RegimeAdminPages {

    /**
     * A stage's clock as the page writes it: the amounts in the reader's language, the facts as ids.
     *
     * @param amount the duration, period, target or number of days of the clock
     * @param bound for a clock with a bound: how long after the bound fact at the latest
     */
    record ClockLine(
            String kind,
            String fact,
            @Nullable String amount,
            @Nullable String bound,
            @Nullable String boundFact,
            boolean fromYearEnd,
            @Nullable String dueTime) {}

    private final ComplianceManagement compliance;
    private final MessageSource messages;

    RegimeAdminPages(ComplianceManagement compliance, MessageSource messages) {
        this.compliance = compliance;
        this.messages = messages;
    }

    @GetMapping("/admin/regimes")
    String regimes(Model model) {
        RegimeView.Load load = admin(compliance.regimeLoad());
        model.addAttribute("load", load);
        model.addAttribute("rebaseCandidates", admin(compliance.rebaseCandidates()));
        model.addAttribute("pages", this);
        return "compliance/regimes";
    }

    @PostMapping("/admin/regimes/reload")
    String reload(RedirectAttributes redirect) {
        RegimeView.Load load = admin(compliance.reloadRegimes());
        redirect.addFlashAttribute(
                "notice",
                message(
                        "compliance.regimes.reloaded",
                        load.regimes().size(),
                        load.refusals().size()));
        return "redirect:/admin/regimes";
    }

    /** The clock of a stage as the page writes it. */
    public ClockLine clock(RegimeView.ClockView clock) {
        return new ClockLine(
                clock.kind(),
                clock.fact(),
                amount(clock),
                clock.bound() == null ? null : duration(clock.bound()),
                clock.boundFact(),
                Boolean.TRUE.equals(clock.fromYearEnd()),
                clock.dueTime());
    }

    /** The message of a refusal in the reader's language. */
    public String refusal(RegimeView.FileRefusal refusal) {
        return java.util.Objects.requireNonNullElse(
                messages.getMessage(
                        "refusal." + refusal.code(),
                        refusal.arguments().toArray(),
                        refusal.message(),
                        LocaleContextHolder.getLocale()),
                refusal.message());
    }

    private @Nullable String amount(RegimeView.ClockView clock) {
        if (clock.offset() != null) {
            return duration(clock.offset());
        }
        if (clock.target() != null) {
            return duration(clock.target());
        }
        if (clock.period() != null) {
            return period(Period.parse(clock.period()));
        }
        return clock.days() == null ? null : clock.days().toString();
    }

    private String duration(String iso) {
        Duration duration = Duration.parse(iso);
        return duration.toMinutesPart() == 0
                ? message("compliance.hours", duration.toHours())
                : message("compliance.minutes", duration.toMinutes());
    }

    private String period(Period period) {
        String months = period.toTotalMonths() == 0 ? "" : message("compliance.months", period.toTotalMonths());
        String days = period.getDays() == 0 ? "" : message("compliance.days", period.getDays());
        return months.isEmpty() || days.isEmpty() ? months + days : months + " " + days;
    }

    private <T> T admin(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to see the regimes' load");
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
