package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.Tlp;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The observables on the incident page, for the staff who read the incident in full: a table of the observables with
 * the other incidents that share each, and for those who may change the incident the form to add one and, per row,
 * to change its marking and flag or remove it. The forms post with htmx and get this section back, problems next to
 * their fields; a form posted without script is redirected to the incident page with the problems as a notice.
 */
@Controller
class ObservableSection implements IncidentPageSection {

    private final IncidentManagement incidents;
    private final MessageSource messages;

    ObservableSection(IncidentManagement incidents, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "observables";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/observables";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 50;
    }

    /** The form of a new observable; an empty marking is the incident's. */
    record AddForm(
            @Nullable String type,
            @Nullable String value,
            @Nullable Tlp tlp,
            @Nullable Boolean ioc,
            @Nullable String note) {

        static AddForm empty() {
            return new AddForm("", "", null, true, "");
        }
    }

    @GetMapping("/incidents/{id}/observables")
    String section(@PathVariable IncidentId id, Model model) {
        model.addAttribute("addForm", AddForm.empty());
        return show(id, model);
    }

    @PostMapping("/incidents/{id}/observables")
    String add(
            @PathVariable IncidentId id,
            @ModelAttribute("addForm") AddForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<IncidentObservable> added = incidents.addObservable(
                id,
                new ObservableCommands.Add(
                        orEmpty(form.type()),
                        orEmpty(form.value()),
                        form.tlp(),
                        Boolean.TRUE.equals(form.ioc()),
                        form.note()));
        if (added instanceof Outcome.Refused<IncidentObservable> refused) {
            RefusalErrors.reject(refused.refusal(), errors);
        } else {
            model.addAttribute("addForm", AddForm.empty());
            model.addAttribute("saved", "added");
        }
        return answer(id, show(id, model), errors, model, request, redirect);
    }

    @PostMapping("/incidents/{id}/observables/{observable}")
    String revise(
            @PathVariable IncidentId id,
            @PathVariable ObservableId observable,
            @RequestParam Tlp tlp,
            @RequestParam(defaultValue = "false") boolean ioc,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<IncidentObservable> revised =
                incidents.reviseObservable(id, observable, new ObservableCommands.Revise(tlp, ioc, null, version));
        return afterRowChange(id, revised, "revised", model, request, redirect);
    }

    @PostMapping("/incidents/{id}/observables/{observable}/remove")
    String remove(
            @PathVariable IncidentId id,
            @PathVariable ObservableId observable,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return afterRowChange(
                id, incidents.removeObservable(id, observable, version), "removed", model, request, redirect);
    }

    private String afterRowChange(
            IncidentId id,
            Outcome<?> outcome,
            String saved,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        model.addAttribute("addForm", AddForm.empty());
        if (outcome instanceof Outcome.Refused<?> refused) {
            model.addAttribute("rowProblem", refused.refusal().message());
        } else {
            model.addAttribute("saved", saved);
        }
        return answer(id, show(id, model), null, model, request, redirect);
    }

    /** The section for htmx; for a form posted without script, the incident page with the problems as a notice. */
    private String answer(
            IncidentId id,
            String section,
            @Nullable Errors errors,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            return section;
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> problems = new ArrayList<>();
        if (errors != null) {
            errors.getAllErrors().forEach(error -> problems.add(messages.getMessage(error, locale)));
        }
        if (model.getAttribute("rowProblem") instanceof String problem) {
            problems.add(problem);
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join("; ", problems));
        }
        return "redirect:/incidents/" + id + "#observables";
    }

    private String show(IncidentId id, Model model) {
        Optional<List<IncidentObservable>> observables = incidents.observables(id);
        if (observables.isEmpty()) {
            return "incidents/observables :: none";
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("observables", observables.get());
        model.addAttribute("writes", incidents.mayChangeObservables(id));
        model.addAttribute("types", incidents.observableTypes());
        model.addAttribute("tlps", Tlp.values());
        return "incidents/observables :: observables";
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
