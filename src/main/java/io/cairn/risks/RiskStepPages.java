package io.cairn.risks;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of a risk's page: materialize, close for a reason, reopen, and link or unlink incidents and assets. A
 * step that is refused shows the risk's page again with the problem at the top and the refusal's status (409 for a
 * version someone else changed since).
 */
@Controller
class RiskStepPages {

    private final RiskManagement risks;
    private final RiskProposals proposals;
    private final RiskPages pages;
    private final MessageSource messages;

    RiskStepPages(RiskManagement risks, RiskProposals proposals, RiskPages pages, MessageSource messages) {
        this.risks = risks;
        this.proposals = proposals;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/risks/{id}/materialize")
    String materialize(
            @PathVariable RiskId id,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(id, "risks.materialized", () -> risks.materialize(id, orStale(version)), model, redirect, response);
    }

    @PostMapping("/risks/{id}/close")
    String close(
            @PathVariable RiskId id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String chosen = reason == null || reason.isBlank() ? null : reason;
        return step(
                id,
                "risks.closed",
                () -> risks.close(id, new RiskForms.RiskClosing(chosen, orStale(version))),
                model,
                redirect,
                response);
    }

    @PostMapping("/risks/{id}/reopen")
    String reopen(
            @PathVariable RiskId id,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(id, "risks.reopened", () -> risks.reopen(id, orStale(version)), model, redirect, response);
    }

    @PostMapping("/risks/{id}/proposals/{incident}")
    String decide(
            @PathVariable RiskId id,
            @PathVariable IncidentId incident,
            @RequestParam(defaultValue = "false") boolean accept,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(
                id,
                accept ? "risks.materialized" : "risks.proposal-dismissed",
                () -> accept ? proposals.accept(id, incident, orStale(version)) : proposals.dismiss(id, incident),
                model,
                redirect,
                response);
    }

    @PostMapping("/risks/{id}/incidents")
    String linkIncident(
            @PathVariable RiskId id,
            @RequestParam(required = false) @Nullable String incident,
            @RequestParam(defaultValue = "true") boolean link,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(
                id,
                link ? "risks.incident-linked" : "risks.incident-unlinked",
                () -> risks.linkIncident(id, incident, link),
                model,
                redirect,
                response);
    }

    @PostMapping("/risks/{id}/assets")
    String linkAsset(
            @PathVariable RiskId id,
            @RequestParam(required = false) @Nullable String asset,
            @RequestParam(defaultValue = "true") boolean link,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        // the asset field sends the kind and the id as one value: device/0f1e... or service/0f1e...
        String[] parts = asset == null ? new String[0] : asset.strip().split("/", 2);
        UUID chosen = parts.length == 2 ? uuid(parts[1]) : null;
        String kind = parts.length == 2 ? parts[0] : null;
        return step(
                id,
                link ? "risks.asset-linked" : "risks.asset-unlinked",
                () -> risks.linkAsset(id, kind, chosen, link),
                model,
                redirect,
                response);
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long orStale(@Nullable Long version) {
        return version == null ? -1 : version;
    }

    private String step(
            RiskId id,
            String done,
            Supplier<Outcome<?>> change,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Risk before = RiskPages.shown(risks.risk(id));
        Outcome<?> outcome = change.get();
        if (outcome instanceof Outcome.Done<?>) {
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(done, new Object[] {before.title()}, LocaleContextHolder.getLocale()));
            return "redirect:/risks/" + id;
        }
        Map<String, String> errors = RefusalErrors.answer(outcome, messages, response);
        model.addAttribute("problem", String.join(" ", errors.values()));
        Risk now = RiskPages.shown(risks.risk(id));
        RiskPageForm form = RiskPageForm.of(now);
        return pages.riskPage(now, form, form, Map.of(), model);
    }
}
