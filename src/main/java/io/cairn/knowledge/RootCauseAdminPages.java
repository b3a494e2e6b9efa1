package io.cairn.knowledge;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' editor of the root-cause vocabulary: add, rename, retire and restore. */
@Controller
class RootCauseAdminPages {

    private final KnowledgeManagement knowledge;
    private final IdentityManagement identity;

    RootCauseAdminPages(KnowledgeManagement knowledge, IdentityManagement identity) {
        this.knowledge = knowledge;
        this.identity = identity;
    }

    @GetMapping("/admin/root-causes")
    String list(Model model) {
        requireAdmin();
        model.addAttribute("rootCauses", knowledge.rootCauses());
        return "knowledge/root-causes";
    }

    @PostMapping("/admin/root-causes")
    String add(@RequestParam String key, @RequestParam String label, RedirectAttributes redirect) {
        return done(knowledge.addRootCause(key, label), redirect);
    }

    @PostMapping("/admin/root-causes/{key}")
    String change(
            @PathVariable String key,
            @RequestParam String label,
            @RequestParam boolean retired,
            @RequestParam long version,
            RedirectAttributes redirect) {
        return done(knowledge.changeRootCause(key, label, retired, version), redirect);
    }

    private String done(Outcome<RootCause> outcome, RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Refused<RootCause> refused) {
            if (refused.refusal().kind() == io.cairn.shared.Refusal.Kind.FORBIDDEN) {
                throw new ResponseStatusException(
                        HttpStatus.FORBIDDEN, refused.refusal().message());
            }
            redirect.addFlashAttribute("problem", refused.refusal().message());
        } else {
            redirect.addFlashAttribute(
                    "notice", ((Outcome.Done<RootCause>) outcome).value().label());
        }
        return "redirect:/admin/root-causes";
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only admins edit the root causes");
        }
    }
}
