package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.assets.ServiceView;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
 * The services an incident affects, on its page, for staff who see it: the services named, and for those who may
 * change the incident a multi-select to name them anew. The form posts with htmx and gets this section back, a
 * problem above the field; a form posted without script is redirected to the incident page with the problem as a
 * notice.
 */
@Controller
class AffectedServiceSection implements IncidentPageSection {

    private final IncidentManagement incidents;
    private final AffectedServiceKeeping keeping;
    private final PageChoices choices;
    private final MessageSource messages;

    AffectedServiceSection(
            IncidentManagement incidents, AffectedServiceKeeping keeping, PageChoices choices, MessageSource messages) {
        this.incidents = incidents;
        this.keeping = keeping;
        this.choices = choices;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "affected-services";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/services";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 40;
    }

    @GetMapping("/incidents/{id}/services")
    String section(@PathVariable IncidentId id, Model model) {
        return show(id, model);
    }

    @PostMapping("/incidents/{id}/services")
    String name(
            @PathVariable IncidentId id,
            @RequestParam(required = false) @Nullable List<String> services,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        List<ServiceId> named = new ArrayList<>();
        String problem = null;
        for (String text : services == null ? List.<String>of() : services) {
            try {
                named.add(ServiceId.valueOf(text));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem == null) {
            Outcome<IncidentView> changed = incidents.nameAffectedServices(id, named, version == null ? -1 : version);
            if (changed instanceof Outcome.Refused<IncidentView> refused) {
                problem = RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale());
            } else {
                model.addAttribute("saved", true);
            }
        }
        model.addAttribute("servicesProblem", problem);
        String section = show(id, model);
        if ("true".equals(request.getHeader("HX-Request"))) {
            return section;
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/incidents/" + id + "#affected-services";
    }

    private String show(IncidentId id, Model model) {
        Optional<IncidentView> incident = keeping.mayRead(id) ? incidents.incident(id) : Optional.empty();
        if (incident.isEmpty()) {
            return "incidents/services :: none";
        }
        List<String> named = incident.get().affectedServices().stream()
                .map(s -> s.id().toString())
                .toList();
        model.addAttribute("incident", incident.get());
        model.addAttribute("named", named);
        model.addAttribute("writes", keeping.mayChange(id));
        model.addAttribute(
                "serviceChoices",
                choices.services().stream()
                        .filter(s -> !s.retired() || named.contains(s.id().toString()))
                        .map(ServiceView::summary)
                        .toList());
        return "incidents/services :: services";
    }
}
