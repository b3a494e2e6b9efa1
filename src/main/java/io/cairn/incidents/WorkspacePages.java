package io.cairn.incidents;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The handler's workspace on top of the list and the incident page: triage decisions on new reports, one change to
 * several selected incidents, saved views of the list, and questions to the reporter. Each answers with a redirect
 * and a notice of what happened, or of what was refused.
 */
@Controller
class WorkspacePages {

    private final IncidentManagement incidents;
    private final MessageSource messages;

    WorkspacePages(IncidentManagement incidents, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
    }

    @PostMapping("/incidents/{id}/triage")
    String triage(
            @PathVariable IncidentId id,
            @RequestParam String decision,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable DetectionSource detectionSource,
            @RequestParam(required = false) @Nullable String detectedBy,
            @RequestParam long version,
            RedirectAttributes redirect) {
        TriageDecision.Decision choice = TriageDecision.Decision.fromCode(decision);
        IncidentId into = null;
        if (choice == TriageDecision.Decision.MERGE) {
            into = target == null ? null : incidents.resolveReference(target).orElse(null);
            if (into == null) {
                redirect.addFlashAttribute("problem", text("workspace.triage.target-unknown"));
                return "redirect:/incidents/" + id;
            }
        }
        Outcome<IncidentView> decided =
                incidents.triage(id, new TriageDecision(choice, reason, into, detectionSource, detectedBy, version));
        if (decided instanceof Outcome.Refused<IncidentView> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
            return "redirect:/incidents/" + id;
        }
        redirect.addFlashAttribute("notice", text("workspace.triage.done." + choice.code()));
        return "redirect:/incidents/" + (into == null ? id : into);
    }

    @PostMapping("/incidents/{id}/questions")
    String askReporter(
            @PathVariable IncidentId id,
            @RequestParam(defaultValue = "") String question,
            RedirectAttributes redirect) {
        if (question.isBlank() || question.length() > 20_000) {
            redirect.addFlashAttribute("problem", text("workspace.question.empty"));
            return "redirect:/incidents/" + id;
        }
        Outcome<TimelineEntry> asked = incidents.askReporter(id, new IncidentCommands.AddNote(question.trim()));
        redirect.addFlashAttribute(
                asked instanceof Outcome.Refused<TimelineEntry> refused ? "problem" : "notice",
                asked instanceof Outcome.Refused<TimelineEntry> refused2
                        ? refused2.refusal().message()
                        : text("workspace.question.sent"));
        return "redirect:/incidents/" + id + "#timeline";
    }

    /**
     * Applies one change to the selected incidents and tells how many were changed, naming each refused one.
     *
     * @param back the list's query string, to return to the same view
     */
    @PostMapping("/incidents/bulk")
    String bulk(
            @RequestParam(name = "incident", required = false) @Nullable List<IncidentId> selected,
            @RequestParam String action,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        String list = "redirect:/incidents" + (back.isBlank() ? "" : "?" + back);
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("problem", text("workspace.bulk.none"));
            return list;
        }
        BulkAction.Action chosen = BulkAction.Action.fromCode(action);
        if (chosen == BulkAction.Action.TRANSITION && (to == null || to.isBlank())) {
            redirect.addFlashAttribute("problem", text("workspace.bulk.no-status"));
            return list;
        }
        Outcome<List<BulkAction.Result>> results = incidents.bulk(new BulkAction(
                selected,
                chosen,
                blank(owner) ? null : UserId.valueOf(owner),
                blank(team) ? null : TeamId.valueOf(team),
                blank(to) ? null : Status.fromCode(to),
                blank(reason) ? null : reason));
        if (results instanceof Outcome.Refused<List<BulkAction.Result>> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
            return list;
        }
        List<BulkAction.Result> done = ((Outcome.Done<List<BulkAction.Result>>) results).value();
        long changed = done.stream().filter(BulkAction.Result::done).count();
        redirect.addFlashAttribute("notice", text("workspace.bulk.done", changed, done.size()));
        String refusals = done.stream()
                .filter(result -> !result.done())
                .map(result -> incidents
                                .incident(result.incident())
                                .map(IncidentView::reference)
                                .orElse(result.incident().toString())
                        + ": " + result.problem())
                .collect(Collectors.joining("; "));
        if (!refusals.isEmpty()) {
            redirect.addFlashAttribute("problem", refusals);
        }
        return list;
    }

    @PostMapping("/incidents/views")
    String saveView(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String query,
            RedirectAttributes redirect) {
        Outcome<SavedView> saved = incidents.saveView(name, query);
        if (saved instanceof Outcome.Refused<SavedView> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        } else {
            redirect.addFlashAttribute("notice", text("workspace.view.saved"));
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/incidents")
                        .query(query)
                        .build()
                        .toUriString();
    }

    @PostMapping("/incidents/views/{id}/delete")
    String removeView(@PathVariable SavedViewId id, RedirectAttributes redirect) {
        incidents.removeView(id);
        redirect.addFlashAttribute("notice", text("workspace.view.removed"));
        return "redirect:/incidents";
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return Objects.requireNonNull(messages.getMessage(key, arguments, key, locale));
    }
}
