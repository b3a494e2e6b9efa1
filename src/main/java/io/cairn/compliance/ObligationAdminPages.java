package io.cairn.compliance;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import java.util.UUID;
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
 * The admin's page that re-bases an open obligation on the regime version in force: each stage's due instant under
 * the version it keeps and under the one in force, and a button that confirms.
 */
@Controller
class ObligationAdminPages {

    private final ComplianceManagement compliance;
    private final MessageSource messages;

    ObligationAdminPages(ComplianceManagement compliance, MessageSource messages) {
        this.compliance = compliance;
        this.messages = messages;
    }

    @GetMapping("/admin/obligations/{id}/rebase")
    String preview(@PathVariable UUID id, Model model) {
        Outcome<RebasePreview> preview = compliance.rebasePreview(id);
        if (preview instanceof Outcome.Refused<RebasePreview> refused) {
            throw new ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        model.addAttribute("preview", preview.orRefuse());
        return "compliance/rebase";
    }

    @PostMapping("/admin/obligations/{id}/rebase")
    String rebase(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        Outcome<ObligationView> rebased = compliance.rebase(id, version);
        if (rebased instanceof Outcome.Refused<ObligationView> refused) {
            redirect.addFlashAttribute(
                    "problem", RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale()));
            return "redirect:/admin/obligations/" + id + "/rebase";
        }
        ObligationView done = rebased.orRefuse();
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "compliance.rebase.done",
                        new Object[] {done.regimeName(), done.regimeVersion()},
                        LocaleContextHolder.getLocale()));
        return "redirect:/admin/regimes";
    }
}
