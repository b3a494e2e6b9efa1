package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.shared.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page of the breach register for privacy officers and coordinators: the breaches of the period and legal entity
 * chosen, with links to the same as CSV and PDF.
 */
@Controller
class BreachRegisterPage {

    private final BreachRegisterReading register;
    private final ComplianceManagement compliance;
    private final MessageSource messages;

    BreachRegisterPage(BreachRegisterReading register, ComplianceManagement compliance, MessageSource messages) {
        this.register = register;
        this.compliance = compliance;
        this.messages = messages;
    }

    @GetMapping("/compliance/breach-register")
    String page(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Outcome<List<BreachRegisterEntry>> entries = register.entries(from, to, legalEntity);
        if (entries instanceof Outcome.Refused<List<BreachRegisterEntry>> refused
                && refused.refusal().fields().isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        Map<String, String> errors = entries instanceof Outcome.Refused<?>
                ? io.cairn.shared.RefusalErrors.answer(entries, messages, response)
                : Map.of();
        model.addAttribute(
                "entries", entries instanceof Outcome.Done<List<BreachRegisterEntry>> done ? done.value() : List.of());
        model.addAttribute("errors", errors);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("legalEntity", legalEntity);
        model.addAttribute("legalEntities", compliance.legalEntities().orRefuse());
        model.addAttribute("query", query(from, to, legalEntity));
        return "compliance/breach-register";
    }

    private static String query(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LegalEntityId entity) {
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append("&from=").append(from);
        }
        if (to != null) {
            query.append("&to=").append(to);
        }
        if (entity != null) {
            query.append("&legalEntity=").append(entity);
        }
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }
}
