package io.cairn.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, with what happened last: a wrong password, a wait after too many attempts, signed out, or an
 * account disabled. Spring Security handles the form's POST; the front page leads to the incident list.
 */
@Controller
class SignInPage {

    @GetMapping("/")
    String home() {
        return "redirect:/incidents";
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String wait,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String disabled, Model model) {
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
