package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
 * The page of an evidence item: its facts, its whole custody log with the audit digests that prove each entry, and
 * the forms of what the reader may do: hand it over (its custodian), accept or decline a transfer (its receiver), check
 * its file's integrity and correct a fact (its handlers and custodian). Each form posts with htmx and gets the item
 * back with the problems next to the fields; posted without script, it is redirected to the page. And the page of the
 * evidence awaiting the reader's sign-off, where the notification of a transfer leads too.
 */
@Controller
class EvidencePages {

    private final EvidenceManagement evidence;
    private final EvidencePageTexts texts;

    EvidencePages(EvidenceManagement evidence, EvidencePageTexts texts) {
        this.evidence = evidence;
        this.texts = texts;
    }

    @GetMapping("/incidents/{id}/evidence/{item}")
    String item(@PathVariable IncidentId id, @PathVariable EvidenceItemId item, Model model) {
        return show(id, item, model, "isms/item");
    }

    @GetMapping("/evidence/awaiting")
    String awaiting(Model model) {
        model.addAttribute("items", evidence.awaitingMe());
        return "isms/awaiting";
    }

    @PostMapping("/incidents/{id}/evidence/{item}/transfers")
    String handOver(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String at,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String storageLocation,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(
                id,
                item,
                "transferProblems",
                () -> propose(item, to, at, purpose, storageLocation, version),
                model,
                request,
                redirect);
    }

    /** Proposes the transfer the form gives: the receiver by login name, the time as the browser writes it. */
    private Outcome<EvidenceView> propose(
            EvidenceItemId item,
            @Nullable String to,
            @Nullable String at,
            @Nullable String purpose,
            @Nullable String storageLocation,
            long version) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Instant when = EvidenceForms.instant("at", at, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        UserId receiver = null;
        if (to != null && !to.isBlank()) {
            Outcome<UserView> user = texts.user("to", to);
            if (user instanceof Outcome.Refused<UserView> refused) {
                return Outcome.refused(refused.refusal());
            }
            receiver = ((Outcome.Done<UserView>) user).value().id();
        }
        return evidence.proposeTransfer(item, new NewTransfer(receiver, when, purpose, storageLocation, version));
    }

    @PostMapping("/incidents/{id}/evidence/{item}/transfers/{transfer}/accept")
    String accept(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @PathVariable UUID transfer,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(
                id, item, "signOffProblems", () -> evidence.acceptTransfer(item, transfer), model, request, redirect);
    }

    @PostMapping("/incidents/{id}/evidence/{item}/transfers/{transfer}/decline")
    String decline(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @PathVariable UUID transfer,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(
                id,
                item,
                "signOffProblems",
                () -> evidence.declineTransfer(item, transfer, reason),
                model,
                request,
                redirect);
    }

    @PostMapping("/incidents/{id}/evidence/{item}/transfers/{transfer}/withdraw")
    String withdraw(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @PathVariable UUID transfer,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(
                id,
                item,
                "withdrawProblems",
                () -> evidence.withdrawTransfer(item, transfer, reason),
                model,
                request,
                redirect);
    }

    @PostMapping("/incidents/{id}/evidence/{item}/integrity-checks")
    String check(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(id, item, "checkProblems", () -> evidence.checkIntegrity(item), model, request, redirect);
    }

    @PostMapping("/incidents/{id}/evidence/{item}/corrections")
    String correct(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String value,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return answer(
                id,
                item,
                "correctionProblems",
                () -> evidence.correct(item, new NewCorrection(field, value, reason, version)),
                model,
                request,
                redirect);
    }

    /**
     * Carries the command out; for htmx the item with the problems of the form under {@code problemsOf}, else a
     * redirect to the item's page with the problems as a notice.
     */
    private String answer(
            IncidentId id,
            EvidenceItemId item,
            String problemsOf,
            Supplier<Outcome<EvidenceView>> command,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        show(id, item, model, "isms/item");
        Outcome<EvidenceView> done = command.get();
        Map<String, String> problems =
                done instanceof Outcome.Refused<EvidenceView> refused ? texts.byField(refused.refusal()) : Map.of();
        if (!EvidencePageTexts.isHtmx(request)) {
            if (!problems.isEmpty()) {
                redirect.addFlashAttribute("problem", String.join("; ", problems.values()));
            }
            return "redirect:/incidents/" + id + "/evidence/" + item;
        }
        model.addAttribute(problemsOf, problems);
        model.addAttribute("done", problems.isEmpty());
        return show(id, item, model, "isms/item :: item");
    }

    private String show(IncidentId id, EvidenceItemId item, Model model, String view) {
        EvidenceView found = evidence.item(item)
                .map(EvidencePages::found)
                .orElseThrow(refusal -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!found.incident().equals(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("item", found);
        model.addAttribute("incidentTitle", evidence.incidentTitle(id));
        model.addAttribute("rights", evidence.rights(id, found));
        model.addAttribute("correctable", EvidenceRules.CORRECTABLE);
        model.addAttribute("kinds", EvidenceKind.codes());
        return view;
    }

    private static EvidenceView found(EvidenceView view) {
        return view;
    }
}
