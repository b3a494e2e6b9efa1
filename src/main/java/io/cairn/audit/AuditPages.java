package io.cairn.audit;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's view of the audit trail: the newest records first, paged backwards, optionally about one object;
 * the latest signed checkpoint and a button to sign one now; a check of the whole trail; and links to export the
 * trail, the checkpoint log and the key that signs it.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditManagement audit;
    private final MessageSource messages;

    AuditPages(AuditManagement audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String trail(
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(required = false) @Nullable String object,
            Model model) {
        String objectId = object == null || object.isBlank() ? null : object.trim();
        List<AuditRecord> records = allowed(audit.latest(before, PAGE_SIZE + 1, objectId));
        boolean older = records.size() > PAGE_SIZE;
        List<AuditRecord> page = older ? records.subList(0, PAGE_SIZE) : records;
        model.addAttribute("records", page);
        model.addAttribute("object", objectId);
        model.addAttribute("before", before);
        model.addAttribute("olderThan", older ? page.get(page.size() - 1).seq() : null);
        Optional<Checkpoints.Stored> checkpoint = allowed(audit.latestStoredCheckpoint());
        model.addAttribute("checkpoint", checkpoint.orElse(null));
        return "audit/trail";
    }

    /** Checks the whole trail; with htmx only the result is sent, to show beside the button. */
    @GetMapping("/audit/verify")
    String verify(
            Model model,
            HttpServletResponse response,
            Locale locale,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx) {
        Verification verification = allowed(audit.verify());
        model.addAttribute("verification", verification);
        model.addAttribute(
                "problemTexts",
                verification.problems().stream()
                        .map(problem -> messages.getMessage(
                                new DefaultMessageSourceResolvable(
                                        new String[] {"audit.problem.text." + problem.text()},
                                        problem.arguments().toArray(),
                                        problem.message()),
                                locale))
                        .toList());
        response.addHeader("Vary", "HX-Request");
        if (htmx != null) {
            return "audit/trail :: verification";
        }
        return trail(null, null, model);
    }

    /** Signs a checkpoint now, if the trail grew, and shows the page again with what happened. */
    @PostMapping("/audit/checkpoints")
    String sign(RedirectAttributes redirect, Locale locale) {
        Outcome<Checkpoint> signed = audit.signCheckpoint();
        if (signed instanceof Outcome.Done<Checkpoint> done) {
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "audit.checkpoint.signed",
                            new Object[] {done.value().size()},
                            locale));
        } else {
            Refusal refusal = ((Outcome.Refused<Checkpoint>) signed).refusal();
            if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.message());
            }
            redirect.addFlashAttribute("problem", messages.getMessage("audit.checkpoint.refused", null, locale));
        }
        return "redirect:/audit";
    }

    private static <T> T allowed(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        Refusal refusal = ((Outcome.Refused<T>) outcome).refusal();
        throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()), refusal.message());
    }
}
