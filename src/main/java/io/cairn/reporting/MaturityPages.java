package io.cairn.reporting;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The maturity view's page: the level met and what is missing for the next, the domains, and each level's practices
 * with what shows them; admins record and withdraw the practices data cannot show beside them. A refused record shows
 * the page again with the problem beside its field and what was entered.
 */
@Controller
class MaturityPages {

    private final Maturity maturity;
    private final IdentityManagement identity;
    private final MessageSource messages;

    MaturityPages(Maturity maturity, IdentityManagement identity, MessageSource messages) {
        this.maturity = maturity;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/dashboards/maturity")
    String page(@RequestParam(required = false) @Nullable String at, Model model, HttpServletResponse response) {
        Outcome<MaturityView> view = maturity.view(at);
        if (view instanceof Outcome.Refused<MaturityView> refused
                && !refused.refusal().fields().isEmpty()) {
            model.addAttribute(
                    "atError", RefusalErrors.answer(view, messages, response).get("at"));
            view = maturity.view(null);
        }
        model.addAttribute("at", at == null ? "" : at.strip());
        return show(view, model, null, Map.of(), null);
    }

    @PostMapping("/dashboards/maturity/practices/{practice}")
    String record(
            @PathVariable String practice,
            @RequestParam(required = false) @Nullable String evidence,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String validUntil,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Outcome<Optional<LocalDate>> until = day(validUntil);
        Outcome<MaturityRecord> outcome = until.flatMap(day ->
                maturity.record(practice, new Maturity.PracticeEvidence(evidence, note, day.orElse(null), version)));
        Maturity.PracticeEvidence entered = new Maturity.PracticeEvidence(evidence, note, null, version);
        return answer(practice, "maturity.recorded", outcome, entered, validUntil, model, redirect, response);
    }

    @PostMapping("/dashboards/maturity/practices/{practice}/withdraw")
    String withdraw(
            @PathVariable String practice,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return answer(
                practice,
                "maturity.withdrawn",
                maturity.withdraw(practice, version),
                null,
                null,
                model,
                redirect,
                response);
    }

    private String answer(
            String practice,
            String done,
            Outcome<MaturityRecord> outcome,
            Maturity.@Nullable PracticeEvidence entered,
            @Nullable String enteredDay,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (outcome instanceof Outcome.Done<MaturityRecord>) {
            String name = messages.getMessage(
                    "maturity.practice." + practice, null, practice, LocaleContextHolder.getLocale());
            redirect.addFlashAttribute(
                    "notice", messages.getMessage(done, new Object[] {name}, LocaleContextHolder.getLocale()));
            return "redirect:/dashboards/maturity#practice-" + practice;
        }
        Refusal refusal = ((Outcome.Refused<MaturityRecord>) outcome).refusal();
        if (refusal.fields().isEmpty() && refusal.kind() != Refusal.Kind.STALE) {
            throw DashboardPages.failed(refusal);
        }
        Map<String, String> errors = RefusalErrors.answer(outcome, messages, response);
        model.addAttribute("enteredDay", enteredDay);
        model.addAttribute("at", "");
        return show(maturity.view(null), model, practice, errors, entered);
    }

    private String show(
            Outcome<MaturityView> view,
            Model model,
            @Nullable String practice,
            Map<String, String> errors,
            Maturity.@Nullable PracticeEvidence entered) {
        if (view instanceof Outcome.Refused<MaturityView> refused) {
            Refusal refusal = refused.refusal();
            throw DashboardPages.failed(refusal);
        }
        model.addAttribute("view", ((Outcome.Done<MaturityView>) view).value());
        model.addAttribute("admin", identity.requireActor().has(Role.ADMIN));
        model.addAttribute("errorPractice", practice);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        return "reporting/maturity";
    }

    /** The day entered (yyyy-mm-dd), none when left empty, or the refusal naming the field. */
    private static Outcome<Optional<LocalDate>> day(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Outcome.done(Optional.empty());
        }
        try {
            return Outcome.done(Optional.of(LocalDate.parse(text.strip())));
        } catch (DateTimeParseException e) {
            return Outcome.refused(Refusal.invalid("validUntil", ReportingRefusals.NOT_A_DAY, text.strip()));
        }
    }
}
