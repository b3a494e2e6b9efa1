package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.SharedRefusals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident's VERIS description on its page, for staff who see it: what is described, and for those who may
 * change the incident a form with a fold per part. While no action is described the form offers the action the RSIT
 * category suggests, ticked, and says so; saving records it. The form posts with htmx and gets this section back, a
 * problem above the form naming the field; a form posted without script is redirected to the incident page.
 */
@Controller
class VerisSection implements IncidentPageSection {

    private final VerisKeeping keeping;
    private final VerisVocabulary vocabulary;
    private final MessageSource messages;

    VerisSection(VerisKeeping keeping, VerisVocabulary vocabulary, MessageSource messages) {
        this.keeping = keeping;
        this.vocabulary = vocabulary;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "veris";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/veris";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 45;
    }

    @GetMapping("/incidents/{id}/veris")
    String section(@PathVariable IncidentId id, Model model) {
        return show(id, model, null);
    }

    @PostMapping("/incidents/{id}/veris")
    String describe(
            @PathVariable IncidentId id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<VerisForm.Read> read = VerisForm.read(form, vocabulary);
        Outcome<VerisView> described =
                read.flatMap(entered -> keeping.record(id, entered.description(), entered.version()));
        String problem = null;
        VerisDescription entered = null;
        if (described instanceof Outcome.Refused<VerisView> refused) {
            problem = text(refused.refusal());
            entered = read instanceof Outcome.Done<VerisForm.Read> done
                    ? done.value().description()
                    : null;
        } else {
            model.addAttribute("saved", true);
        }
        model.addAttribute("verisProblem", problem);
        String section = show(id, model, entered);
        if ("true".equals(request.getHeader("HX-Request"))) {
            return section;
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/incidents/" + id + "#veris";
    }

    /** The words of the form for the parts and fields of the API that a refusal names. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("actors", "veris.actors"),
            Map.entry("actions", "veris.actions"),
            Map.entry("assets", "veris.assets"),
            Map.entry("confidentiality", "veris.disclosure"),
            Map.entry("integrity", "veris.integrity"),
            Map.entry("availability", "veris.availability"),
            Map.entry("varieties", "veris.varieties"),
            Map.entry("motives", "veris.motives"),
            Map.entry("vectors", "veris.vectors"),
            Map.entry("ownership", "veris.ownership"),
            Map.entry("hosting", "veris.hosting"),
            Map.entry("dataDisclosure", "veris.disclosure"),
            Map.entry("data", "veris.data"),
            Map.entry("variety", "veris.data"),
            Map.entry("amount", "veris.data"),
            Map.entry("value", "veris.duration"),
            Map.entry("unit", "veris.unit"));

    /** A refusal as the form shows it: the part and field at fault in the form's words, then what is wrong. */
    private String text(Refusal refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = RefusalErrors.text(refusal, messages, locale);
        if (refusal.fields().isEmpty() || refusal.code().equals(SharedRefusals.GIVEN_TEXT.code())) {
            return text;
        }
        String[] segments =
                refusal.fields().get(0).field().replaceAll("\\[\\d+]", "").split("\\.");
        String part = LABELS.get(segments.length > 1 && segments[0].equals("attributes") ? segments[1] : segments[0]);
        String leaf = LABELS.get(segments[segments.length - 1]);
        if (part == null) {
            return text;
        }
        String label = messages.getMessage(part, null, locale)
                + (leaf == null || leaf.equals(part) ? "" : " · " + messages.getMessage(leaf, null, locale));
        return label + ": " + text;
    }

    /**
     * The section; its form holds what was entered when that was refused, else what is stored with the suggested
     * action.
     */
    private String show(IncidentId id, Model model, @Nullable VerisDescription entered) {
        Outcome<VerisView> view = keeping.view(id);
        if (!(view instanceof Outcome.Done<VerisView> done)) {
            return "incidents/veris :: none";
        }
        VerisView veris = done.value();
        VerisDescription form = entered == null ? veris.description() : entered;
        Map<String, VerisDescription.Action> actions = new LinkedHashMap<>();
        form.actions().forEach(action -> actions.put(action.category(), action));
        VerisView.SuggestedAction suggested = entered == null ? veris.suggestedAction() : null;
        if (suggested != null) {
            actions.put(
                    suggested.category(),
                    new VerisDescription.Action(suggested.category(), listOf(suggested.variety()), List.of()));
        }
        Map<String, VerisDescription.Actor> actors = new LinkedHashMap<>();
        form.actors().forEach(actor -> actors.put(actor.category(), actor));
        model.addAttribute("suggestion", suggestion(suggested));
        model.addAttribute("veris", veris);
        model.addAttribute("described", veris.description());
        model.addAttribute("entered", form);
        model.addAttribute("actorsByCategory", actors);
        model.addAttribute("actionsByCategory", actions);
        model.addAttribute("vocabulary", vocabulary.terms());
        model.addAttribute(
                "assetGroups", VerisForm.assetGroups(vocabulary.assets().variety()));
        model.addAttribute("writes", keeping.mayChange(id));
        return "incidents/veris :: veris";
    }

    /** The category of the suggested action in the reader's words. */
    private @Nullable String suggestion(VerisView.@Nullable SuggestedAction suggested) {
        return suggested == null
                ? null
                : messages.getMessage("veris.action." + suggested.category(), null, LocaleContextHolder.getLocale());
    }

    private static List<String> listOf(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }
}
