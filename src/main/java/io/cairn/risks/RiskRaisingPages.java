package io.cairn.risks;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risks raised from a finding of something another module keeps ({@code /risks/raised-from/procedure-run/{id}}):
 * what it is, the risks it raised, and for coordinators and admins the form to register another.
 */
@Controller
class RiskRaisingPages {

    private final RiskRaising raising;
    private final RiskManagement risks;
    private final IdentityManagement identity;
    private final MessageSource messages;

    RiskRaisingPages(RiskRaising raising, RiskManagement risks, IdentityManagement identity, MessageSource messages) {
        this.raising = raising;
        this.risks = risks;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/risks/raised-from/{kind}/{origin}")
    String page(@PathVariable String kind, @PathVariable UUID origin, Model model) {
        return page(kind, origin, RiskPageForm.empty(identity.requireActor().id()), Map.of(), model);
    }

    @PostMapping("/risks/raised-from/{kind}/{origin}")
    String register(
            @PathVariable String kind,
            @PathVariable UUID origin,
            RiskPageForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Outcome<Risk> registered = form.newRisk().flatMap(risk -> raising.registerFrom(kind, origin, risk));
        if (registered instanceof Outcome.Done<Risk> done) {
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "risks.registered", new Object[] {done.value().title()}, LocaleContextHolder.getLocale()));
            return "redirect:/risks/" + done.value().id();
        }
        return page(kind, origin, form, RefusalErrors.answer(registered, messages, response), model);
    }

    private String page(String kind, UUID origin, RiskPageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("origin", RiskPages.shown(raising.origin(kind, origin)));
        model.addAttribute("raised", RiskPages.shown(raising.raisedFrom(kind, origin)));
        model.addAttribute("changes", raising.registers());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("matrix", risks.matrix());
        model.addAttribute("units", identity.businessUnits());
        List<UserView> people =
                identity.users() instanceof Outcome.Done<List<UserView>> done ? done.value() : List.of();
        model.addAttribute("people", people);
        return "risks/raised";
    }
}
