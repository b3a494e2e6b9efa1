package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.shared.Outcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deadline overview for privacy officers and coordinators, and the account page where they subscribe a calendar
 * app to it: issue the secret address, see when it was issued, revoke it.
 */
@Controller
class DeadlinePages {

    private final DeadlineReading deadlines;
    private final ComplianceManagement compliance;
    private final MessageSource messages;

    DeadlinePages(DeadlineReading deadlines, ComplianceManagement compliance, MessageSource messages) {
        this.deadlines = deadlines;
        this.compliance = compliance;
        this.messages = messages;
    }

    @GetMapping("/compliance/deadlines")
    String overview(
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity,
            @RequestParam(required = false) @Nullable String regime,
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(defaultValue = "0") int offset,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String chosen = regime == null || regime.isBlank() ? null : regime;
        Outcome<DeadlinePage> page = deadlines.deadlines(legalEntity, chosen, state, 50, offset);
        if (page instanceof Outcome.Refused<DeadlinePage> refused
                && refused.refusal().fields().isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        Map<String, String> errors = page instanceof Outcome.Refused<?>
                ? io.cairn.shared.RefusalErrors.answer(page, messages, response)
                : Map.of();
        model.addAttribute("page", page instanceof Outcome.Done<DeadlinePage> done ? done.value() : null);
        model.addAttribute("errors", errors);
        model.addAttribute("legalEntity", legalEntity);
        model.addAttribute("regime", chosen);
        model.addAttribute("state", state);
        model.addAttribute("states", DeadlineOverview.STATES);
        model.addAttribute("legalEntities", compliance.legalEntities().orRefuse());
        model.addAttribute("regimes", compliance.regimes().orRefuse());
        return "compliance/deadlines";
    }

    @GetMapping("/account/calendar")
    String calendar(Model model) {
        model.addAttribute("issuedAt", deadlines.feed().orRefuse().orElse(null));
        return "compliance/calendar";
    }

    @PostMapping("/account/calendar")
    String issue(RedirectAttributes redirect) {
        redirect.addFlashAttribute("feedUrl", deadlines.issueFeed().orRefuse());
        return "redirect:/account/calendar";
    }

    @PostMapping("/account/calendar/revocation")
    String revoke(RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", deadlines.revokeFeed().orRefuse());
        return "redirect:/account/calendar";
    }
}
