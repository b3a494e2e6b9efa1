package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One incident: every field, its links and timeline, and the actions on it as forms. Each action posts, and
 * redirects back on success; on a refusal the page is shown again with the message next to the field at fault.
 * Every form that changes the incident carries the version the user saw, so a change made meanwhile by someone else
 * is reported instead of overwritten. Reporters read their incident and may add notes; others see a 404. The page
 * itself is {@link IncidentPageModel}'s.
 */
@Controller
@RequestMapping("/incidents/{id}")
class IncidentPages {

    private final IncidentManagement incidents;
    private final IncidentPageModel pageModel;
    private final MessageSource messages;

    IncidentPages(IncidentManagement incidents, IncidentPageModel pageModel, MessageSource messages) {
        this.incidents = incidents;
        this.pageModel = pageModel;
        this.messages = messages;
    }

    // --- reading -------------------------------------------------------------------------------------------------

    @GetMapping
    String show(@PathVariable String id, Model model) {
        Optional<IncidentId> canonical = parseId(id);
        if (canonical.isEmpty()) {
            IncidentId found = incidents.resolveReference(id).orElseThrow(IncidentPages::notFound);
            return "redirect:/incidents/" + found;
        }
        return pageModel.show(canonical.get(), null, model);
    }

    /** A form's address opened as a page (a bookmark, a language switch after an error) shows the incident. */
    @GetMapping("/{action:assign|reprioritise|recategorise|transition|notes|links|merge|mark|describe|times}")
    String formAddress(@PathVariable String id, @PathVariable String action) {
        return "redirect:/incidents/" + idOf(id);
    }

    // --- acting --------------------------------------------------------------------------------------------------

    @PostMapping("/assign")
    String assign(
            @PathVariable String id,
            @Valid @ModelAttribute("assignForm") IncidentForms.AssignForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        UserId owner = FormIds.parse(form.owner(), UserId::valueOf, "owner", errors);
        TeamId team = FormIds.parse(form.team(), TeamId::valueOf, "team", errors);
        BusinessUnitId unit = FormIds.parse(form.businessUnit(), BusinessUnitId::valueOf, "businessUnit", errors);
        return act(
                incident,
                "assign",
                errors,
                model,
                redirect,
                response,
                () -> incidents.assign(incident, new IncidentCommands.Assign(owner, team, unit, form.version())));
    }

    @PostMapping("/reprioritise")
    String reprioritise(
            @PathVariable String id,
            @Valid @ModelAttribute("priorityForm") IncidentForms.PriorityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(
                incident,
                "reprioritise",
                errors,
                model,
                redirect,
                response,
                () -> incidents.reprioritise(
                        incident, new IncidentCommands.Reprioritise(form.impact(), form.urgency(), form.version())));
    }

    @PostMapping("/recategorise")
    String recategorise(
            @PathVariable String id,
            @Valid @ModelAttribute("categoryForm") IncidentForms.CategoryForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        Optional<Category> category = PageChoices.categoryOf(form.category());
        if (category.isEmpty() && !errors.hasFieldErrors("category")) {
            errors.rejectValue("category", "form.unknown-choice", "is not a category");
        }
        return act(
                incident,
                "recategorise",
                errors,
                model,
                redirect,
                response,
                () -> incidents.recategorise(
                        incident,
                        new IncidentCommands.Recategorise(
                                category.orElseThrow(), form.severity(), form.determination(), form.version())));
    }

    @PostMapping("/transition")
    String transition(
            @PathVariable String id,
            @Valid @ModelAttribute("transitionForm") IncidentForms.TransitionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        Status to = null;
        if (!errors.hasFieldErrors("to")) {
            try {
                to = Status.fromCode(form.to());
            } catch (IllegalArgumentException unknown) {
                errors.rejectValue("to", "form.unknown-choice", "is not a status");
            }
        }
        Status target = to;
        return act(
                incident,
                "transition",
                errors,
                model,
                redirect,
                response,
                () -> incidents.transition(
                        incident, new IncidentCommands.Transition(valid(target), form.reason(), form.version())));
    }

    @PostMapping("/notes")
    String addNote(
            @PathVariable String id,
            @Valid @ModelAttribute("noteForm") IncidentForms.NoteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(
                incident,
                "note",
                errors,
                model,
                redirect,
                response,
                () -> incidents.addNote(incident, new IncidentCommands.AddNote(form.text())));
    }

    @PostMapping("/links")
    String link(
            @PathVariable String id,
            @Valid @ModelAttribute("linkForm") IncidentForms.LinkForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        IncidentId target = other(form.target(), errors);
        return act(
                incident,
                "link",
                errors,
                model,
                redirect,
                response,
                () -> incidents.link(incident, new IncidentCommands.Link(valid(target), form.kind())));
    }

    @PostMapping("/merge")
    String merge(
            @PathVariable String id,
            @Valid @ModelAttribute("mergeForm") IncidentForms.MergeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        IncidentId target = other(form.target(), errors);
        return act(
                incident,
                "merge",
                errors,
                model,
                redirect,
                response,
                () -> incidents.merge(incident, new IncidentCommands.Merge(valid(target), form.version())));
    }

    @PostMapping("/mark")
    String mark(
            @PathVariable String id,
            @Valid @ModelAttribute("markForm") IncidentForms.MarkForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(
                incident,
                "mark",
                errors,
                model,
                redirect,
                response,
                () -> incidents.mark(
                        incident,
                        new IncidentCommands.Mark(
                                form.tlp(),
                                form.pap(),
                                Boolean.TRUE.equals(form.confidential()),
                                form.reason(),
                                form.version())));
    }

    @PostMapping("/describe")
    String describe(
            @PathVariable String id,
            @Valid @ModelAttribute("describeForm") IncidentForms.DescribeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(
                incident,
                "describe",
                errors,
                model,
                redirect,
                response,
                () -> incidents.describe(
                        incident, new IncidentCommands.Describe(form.title(), form.description(), form.version())));
    }

    @PostMapping("/times")
    String recordTimes(
            @PathVariable String id,
            @Valid @ModelAttribute("timesForm") IncidentForms.TimesForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(
                incident,
                "times",
                errors,
                model,
                redirect,
                response,
                () -> incidents.recordTimes(
                        incident,
                        new IncidentCommands.RecordTimes(
                                utc(form.occurredAt()), utc(form.detectedAt()), form.version())));
    }

    /**
     * Carries out an action whose form is valid, then redirects to the incident with a notice; shows the page again
     * with the problems otherwise. A refusal to see or to change the incident at all is a 404 or 403 page.
     */
    private String act(
            IncidentId id,
            String action,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Supplier<Outcome<?>> command) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return pageModel.show(id, action, model);
        }
        Outcome<?> outcome = command.get();
        if (outcome instanceof Outcome.Refused<?> refused) {
            Refusal refusal = refused.refusal();
            switch (refusal.kind()) {
                case NOT_FOUND -> throw notFound();
                case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.message());
                default -> {
                    RefusalErrors.reject(refusal, errors);
                    response.setStatus(refusal.kind().status());
                    return pageModel.show(id, action, model);
                }
            }
        }
        redirect.addFlashAttribute(
                "notice", messages.getMessage("incident.done." + action, null, LocaleContextHolder.getLocale()));
        return "redirect:/incidents/" + id + (action.equals("note") ? "#timeline" : "");
    }

    /** A value read from a form, in a command that {@link #act} runs only when the form has no errors. */
    private static <T> T valid(@Nullable T value) {
        return Objects.requireNonNull(value, "a form without errors has this value");
    }

    private @Nullable IncidentId other(@Nullable String reference, BindingResult errors) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        Optional<IncidentId> other = incidents.resolveReference(reference);
        if (other.isEmpty()) {
            errors.rejectValue("target", "incident.target.unknown", "no incident you may see has this reference");
        }
        return other.orElse(null);
    }

    private IncidentId idOf(String text) {
        return parseId(text).orElseThrow(IncidentPages::notFound);
    }

    private static Optional<IncidentId> parseId(String text) {
        try {
            return Optional.of(new IncidentId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
