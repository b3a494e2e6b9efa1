package io.cairn.risks;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.knowledge.CorrectiveAction;
import io.cairn.knowledge.CorrectiveActionId;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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
 * The risks of a corrective action ({@code /corrective-actions/{id}/risks}): those it created or is part of, a form
 * to register a new risk from it (prefilled from the action) and one to make it part of an open risk's treatment.
 */
@Controller
class RiskLessonPages {

    private final RiskLessons lessons;
    private final RiskManagement risks;
    private final IdentityManagement identity;
    private final MessageSource messages;

    RiskLessonPages(RiskLessons lessons, RiskManagement risks, IdentityManagement identity, MessageSource messages) {
        this.lessons = lessons;
        this.risks = risks;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/corrective-actions/{id}/risks")
    String page(@PathVariable CorrectiveActionId id, Model model) {
        CorrectiveAction action = RiskPages.shown(lessons.action(id));
        RiskPageForm form = new RiskPageForm(
                action.title(),
                "",
                "",
                action.owner().toString(),
                RiskLessons.treatmentLine(action),
                action.dueOn().toString(),
                "",
                "",
                "",
                "",
                null);
        return page(action, form, Map.of(), model);
    }

    @PostMapping("/corrective-actions/{id}/risks")
    String register(
            @PathVariable CorrectiveActionId id,
            RiskPageForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CorrectiveAction action = RiskPages.shown(lessons.action(id));
        Outcome<RiskItem> registered = form.newRisk().flatMap(risk -> lessons.registerFrom(id, risk));
        if (registered instanceof Outcome.Done<RiskItem> done) {
            redirect.addFlashAttribute(
                    "notice", message("risks.registered", done.value().details().title()));
            return "redirect:/risks/" + done.value().id();
        }
        return page(action, form, RefusalErrors.answer(registered, messages, response), model);
    }

    @PostMapping("/corrective-actions/{id}/risks/attach")
    String attach(
            @PathVariable CorrectiveActionId id,
            @RequestParam(required = false) @Nullable String risk,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CorrectiveAction action = RiskPages.shown(lessons.action(id));
        // the choice sends the risk's id and the version it was listed at: 0f1e...:3
        String[] chosen = risk == null ? new String[0] : risk.split(":", 2);
        Outcome<RiskItem> attached = chosen.length == 2 && chosen[1].matches("\\d{1,18}")
                ? RiskPageForm.riskId(chosen[0]).flatMap(found -> lessons.attach(id, found, Long.parseLong(chosen[1])))
                : Outcome.refused(io.cairn.shared.Refusal.invalid("risk", io.cairn.shared.SharedRefusals.REQUIRED));
        if (attached instanceof Outcome.Done<RiskItem> done) {
            redirect.addFlashAttribute(
                    "notice",
                    message("risks.action-attached", done.value().details().title()));
            return "redirect:/risks/" + done.value().id();
        }
        Map<String, String> errors = RefusalErrors.answer(attached, messages, response);
        model.addAttribute("problem", String.join(" ", errors.values()));
        return page(action, RiskPageForm.empty(action.owner()), Map.of(), model);
    }

    private String page(CorrectiveAction action, RiskPageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("action", action);
        model.addAttribute("linked", risks.views(RiskPages.shown(lessons.risksOf(action.id()))));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        boolean changes = RiskRegister.changes(identity.requireActor());
        model.addAttribute("changes", changes);
        model.addAttribute(
                "openRisks",
                changes
                        ? RiskPages.shown(risks.list(new RiskManagement.Filters(
                                        null, null, null, null, false, "title", 0, RiskManagement.MAX_PAGE_SIZE)))
                                .risks()
                                .stream()
                                .filter(risk -> !risk.status().equals(RiskStatus.CLOSED.code()))
                                .toList()
                        : List.of());
        model.addAttribute("matrix", risks.matrix());
        model.addAttribute("units", identity.businessUnits());
        List<UserView> people =
                identity.users() instanceof Outcome.Done<List<UserView>> done ? done.value() : List.of();
        model.addAttribute("people", people);
        return "risks/lessons";
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
