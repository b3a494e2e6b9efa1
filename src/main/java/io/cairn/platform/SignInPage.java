package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, with what happened last: a wrong password, a wait after too many attempts, signed out, or an
 * account disabled. Spring Security handles the form's POST.
 */
@Controller
class SignInPage {

    private final IdentityManagement identity;

    SignInPage(IdentityManagement identity) {
        this.identity = identity;
    }

    /**
     * Staff who see incidents start at the incident list, resolvers at their teams' tasks, admins at the users;
     * everyone else (reporters) at the report portal.
     */
    @GetMapping("/")
    String home() {
        Actor actor = identity.currentActor().orElse(null);
        if (actor != null && actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR)) {
            return "redirect:/incidents";
        }
        if (actor != null && actor.has(Role.RESOLVER)) {
            return "redirect:/tasks";
        }
        return actor != null && actor.has(Role.ADMIN) ? "redirect:/admin/users" : "redirect:/report";
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String wait,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String disabled,
            Model model) {
        if (identity.currentActor().isPresent() && error == null && wait == null && disabled == null) {
            return home();
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("waitSeconds", secondsOf(wait));
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("disabled", disabled != null);
        return "login";
    }

    private static @Nullable Long secondsOf(@Nullable String wait) {
        if (wait == null) {
            return null;
        }
        try {
            return Math.max(1, Math.min(Long.parseLong(wait.trim()), 86_400));
        } catch (NumberFormatException notANumber) {
            return 1L;
        }
    }
}
