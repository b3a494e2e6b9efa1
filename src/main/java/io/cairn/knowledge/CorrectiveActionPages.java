package io.cairn.knowledge;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' page of corrective actions ({@code /corrective-actions}): those of every post-incident review,
 * the open ones by default, earliest due first, overdue ones marked; each can be marked done or opened again.
 */
@Controller
class CorrectiveActionPages {

    private final KnowledgeManagement knowledge;
    private final MessageSource messages;

    CorrectiveActionPages(KnowledgeManagement knowledge, MessageSource messages) {
        this.knowledge = knowledge;
        this.messages = messages;
    }

    @GetMapping("/corrective-actions")
    String list(@RequestParam(defaultValue = "true") boolean open, Model model) {
        Outcome<List<CorrectiveAction>> actions = knowledge.correctiveActions(open);
        if (actions instanceof Outcome.Refused<List<CorrectiveAction>> refused) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, refused.refusal().message());
        }
        model.addAttribute("actions", ((Outcome.Done<List<CorrectiveAction>>) actions).value());
        model.addAttribute("openOnly", open);
        return "knowledge/corrective-actions";
    }

    @PostMapping("/corrective-actions/{id}/status")
    String mark(
            @PathVariable CorrectiveActionId id,
            @RequestParam boolean done,
            @RequestParam long version,
            @RequestParam(defaultValue = "true") boolean open,
            RedirectAttributes redirect) {
        Outcome<CorrectiveAction> marked = knowledge.markCorrectiveAction(id, done, version);
        if (marked instanceof Outcome.Refused<CorrectiveAction> refused) {
            redirect.addFlashAttribute(
                    "problem",
                    String.join(
                            " ",
                            RefusalErrors.byField(
                                            refused.refusal(),
                                            messages,
                                            LocaleContextHolder.getLocale(),
                                            field -> field)
                                    .values()));
        }
        redirect.addAttribute("open", open);
        return "redirect:/corrective-actions";
    }
}
