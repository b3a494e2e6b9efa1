package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Share with customers" on the incident page, for those who may handle the incident: the subscriptions it matches,
 * what its marking allows said plainly, and the words that will be sent, editable; a first publication, more
 * subscriptions, new words and a retraction post with htmx and get the section back with the problem above it.
 */
@Controller
class ShareSection implements IncidentPageSection {

    private final Publishing publishing;
    private final MessageSource messages;

    ShareSection(Publishing publishing, MessageSource messages) {
        this.publishing = publishing;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "share";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/share";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 45;
    }

    /** The words as the form posts them. */
    record WordsForm(
            @Nullable String summary,
            @Nullable String recommendedActions,
            @Nullable String breach,
            @Nullable String dataCategories,
            @Nullable Long approximateSubjects,
            @Nullable Long approximateRecords,
            @Nullable String likelyConsequences,
            @Nullable String measuresTaken,
            @Nullable String pap,
            @Nullable Integer hopBudget) {

        PublicationWords.Given given() {
            PublicationWords.GivenPersonalData personal = breach == null || breach.isBlank()
                    ? null
                    : new PublicationWords.GivenPersonalData(
                            "yes".equals(breach),
                            lines(dataCategories, ","),
                            approximateSubjects,
                            approximateRecords,
                            likelyConsequences,
                            measuresTaken,
                            null);
            return new PublicationWords.Given(summary, lines(recommendedActions, "\n"), personal, pap, hopBudget);
        }

        private static List<String> lines(@Nullable String text, String separator) {
            return text == null
                    ? List.of()
                    : Arrays.stream(text.split(separator))
                            .map(String::strip)
                            .filter(line -> !line.isEmpty())
                            .toList();
        }
    }

    @GetMapping("/incidents/{id}/share")
    String section(@PathVariable IncidentId id, Model model) {
        return show(id, model, null);
    }

    @PostMapping("/incidents/{id}/share")
    String publish(
            @PathVariable IncidentId id,
            @RequestParam(required = false) @Nullable List<String> subscriptions,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable Boolean namesProviderConfirmed,
            WordsForm words,
            Model model) {
        boolean first = version == null || version == 0;
        return after(
                id,
                publishing.publish(
                        id,
                        subscriptions,
                        first ? words.given() : null,
                        first ? null : version,
                        Boolean.TRUE.equals(namesProviderConfirmed)),
                model);
    }

    @PostMapping("/incidents/{id}/share/words")
    String reword(
            @PathVariable IncidentId id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable Boolean namesProviderConfirmed,
            WordsForm words,
            Model model) {
        return after(
                id, publishing.reword(id, words.given(), version, Boolean.TRUE.equals(namesProviderConfirmed)), model);
    }

    @PostMapping("/incidents/{id}/share/retraction")
    String retract(
            @PathVariable IncidentId id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            Model model) {
        return after(id, publishing.retract(id, reason, version), model);
    }

    private String after(IncidentId id, Outcome<PublicationState> outcome, Model model) {
        String problem = outcome instanceof Outcome.Refused<PublicationState> refused
                ? RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale())
                : null;
        if (problem == null) {
            model.addAttribute("saved", true);
        }
        return show(id, model, problem);
    }

    private String show(IncidentId id, Model model, @Nullable String problem) {
        if (!publishing.mayShare(id)) {
            return "federation/share :: none";
        }
        Outcome<PublicationState> state = publishing.state(id);
        if (!(state instanceof Outcome.Done<PublicationState> done)) {
            return "federation/share :: none";
        }
        model.addAttribute("share", done.value());
        model.addAttribute("shareProblem", problem);
        model.addAttribute("actions", String.join("\n", done.value().words().recommendedActions()));
        model.addAttribute("paps", List.of("CLEAR", "GREEN", "AMBER", "RED"));
        return "federation/share :: share";
    }
}
