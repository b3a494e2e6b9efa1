package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.Tlp;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form to report an incident. Reporters see what they can know; handlers and coordinators may also assign it at
 * once. Times are entered and shown in UTC. Nothing is stored while the form has errors.
 */
@Controller
class IncidentReportPage {

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final PageChoices choices;
    private final MessageSource messages;

    IncidentReportPage(
            IncidentManagement incidents, IdentityManagement identity, PageChoices choices, MessageSource messages) {
        this.incidents = incidents;
        this.identity = identity;
        this.choices = choices;
        this.messages = messages;
    }

    /** The report as the form sends it; times are local date-times read as UTC. */
    record ReportForm(
            @NotBlank @Size(max = IncidentTitle.MAX_LENGTH) String title,
            @NotBlank @Size(max = 20_000) String description,
            @Nullable String category,
            @Nullable String impact,
            @Nullable String urgency,
            @Nullable Severity severity,
            @Nullable Tlp tlp,
            @Nullable Pap pap,
            @Nullable Boolean confidential,

            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime occurredAt,

            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime detectedAt,

            @Nullable String owner,
            @Nullable String team,
            @Nullable String businessUnit) {

        /** An empty report with the defaults preselected. */
        static ReportForm blank(PriorityMatrix matrix) {
            return new ReportForm(
                    "",
                    "",
                    "",
                    matrix.impactLabel(matrix.defaultImpact()),
                    matrix.urgencyLabel(matrix.defaultUrgency()),
                    Severity.MEDIUM,
                    Tlp.AMBER,
                    Pap.AMBER,
                    false,
                    null,
                    null,
                    "",
                    "",
                    "");
        }
    }

    @GetMapping("/incidents/new")
    String form(Model model) {
        if (!IncidentAccess.mayReport(identity.requireActor())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("report", ReportForm.blank(choices.matrix()));
        return page(model);
    }

    @PostMapping("/incidents/new")
    String report(
            @Valid @ModelAttribute("report") ReportForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        NewIncident report = reportOf(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        Outcome<IncidentView> outcome = incidents.report(report);
        if (outcome instanceof Outcome.Refused<IncidentView> refused) {
            RefusalErrors.reject(refused.refusal(), errors);
            response.setStatus(refused.refusal().kind().status());
            return page(model);
        }
        IncidentView reported = ((Outcome.Done<IncidentView>) outcome).value();
        redirect.addFlashAttribute(
                "notice", messages.getMessage("report.done", new Object[] {reported.reference()}, locale()));
        return "redirect:/incidents/" + reported.id();
    }

    private String page(Model model) {
        Actor actor = identity.requireActor();
        boolean assigns = PageChoices.handles(actor);
        model.addAttribute("assigns", assigns);
        model.addAttribute("categories", choices.categories());
        model.addAttribute("matrix", choices.matrix());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        if (assigns) {
            model.addAttribute("owners", choices.owners());
            model.addAttribute("teams", choices.teams());
            model.addAttribute("businessUnits", choices.businessUnits());
        }
        return "incidents/new";
    }

    /** The command for the report, rejecting in the form what cannot even be read. */
    private static NewIncident reportOf(ReportForm form, BindingResult errors) {
        Category category = null;
        if (form.category() != null && !form.category().isBlank()) {
            category = PageChoices.categoryOf(form.category()).orElse(null);
            if (category == null) {
                errors.rejectValue("category", "form.unknown-choice", "is not a category");
            }
        }
        UserId owner = FormIds.parse(form.owner(), UserId::valueOf, "owner", errors);
        TeamId team = FormIds.parse(form.team(), TeamId::valueOf, "team", errors);
        BusinessUnitId businessUnit =
                FormIds.parse(form.businessUnit(), BusinessUnitId::valueOf, "businessUnit", errors);
        return new NewIncident(
                text(form.title()),
                text(form.description()),
                category,
                null,
                form.severity(),
                blankToNull(form.impact()),
                blankToNull(form.urgency()),
                form.tlp(),
                form.pap(),
                Boolean.TRUE.equals(form.confidential()),
                owner,
                team,
                businessUnit,
                utc(form.occurredAt()),
                utc(form.detectedAt()),
                null,
                null,
                null,
                null);
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
