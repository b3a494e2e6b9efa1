package io.cairn.compliance;

import io.cairn.shared.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The page of obligations across incidents for coordinators and privacy officers: the overdue ones first. */
@Controller
class ObligationPages {

    private final ComplianceManagement compliance;

    ObligationPages(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/compliance/obligations")
    String obligations(@RequestParam(defaultValue = "overdue") String state, Model model) {
        Outcome<java.util.List<ObligationEntry>> entries = compliance.obligations(state);
        if (entries instanceof Outcome.Refused<java.util.List<ObligationEntry>> refused) {
            throw new ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        model.addAttribute("entries", entries.orRefuse());
        model.addAttribute("state", state);
        model.addAttribute("states", ObligationListing.STATES);
        return "compliance/obligations";
    }
}
