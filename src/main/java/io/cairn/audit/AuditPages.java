package io.cairn.audit;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditor's view of the audit trail: the newest records first, paged backwards, optionally about one object;
 * a check of the whole chain; and a link to export it.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditManagement audit;

    AuditPages(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) @Nullable Long before,
            @RequestParam(required = false) @Nullable String object, Model model) {
        String objectId = object == null || object.isBlank() ? null : object.trim();
        List<AuditRecord> records = allowed(audit.latest(before, PAGE_SIZE + 1, objectId));
        boolean older = records.size() > PAGE_SIZE;
        List<AuditRecord> page = older ? records.subList(0, PAGE_SIZE) : records;
        model.addAttribute("records", page);
        model.addAttribute("object", objectId);
        model.addAttribute("before", before);
        model.addAttribute("olderThan", older ? page.get(page.size() - 1).seq() : null);
        return "audit/trail";
    }

    /** Checks the whole trail; with htmx only the result is sent, to show beside the button. */
    @GetMapping("/audit/verify")
    String verify(Model model, HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx) {
        Verification verification = allowed(audit.verify());
        model.addAttribute("verification", verification);
        response.addHeader("Vary", "HX-Request");
        if (htmx != null) {
            return "audit/trail :: verification";
        }
        return trail(null, null, model);
    }

    private static <T> T allowed(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        Refusal refusal = ((Outcome.Refused<T>) outcome).refusal();
        throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()), refusal.message());
    }
}
