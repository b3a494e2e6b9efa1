package io.cairn.identity;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: choosing a new password (required after a one-time password) and personal API
 * tokens, whose secret is shown once, right after it is made.
 */
@Controller
class AccountPages {

    private final IdentityManagement identity;
    private final MessageSource messages;
    private final Clock clock;

    AccountPages(IdentityManagement identity, MessageSource messages, Clock clock) {
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
    }

    record PasswordForm(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 200) String newPassword,
            @NotBlank String repeatPassword) {}

    /** A token to issue; it expires at the end of the given day (UTC), or never. */
    record TokenForm(
            @NotBlank @Size(max = 100) String name,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate expiresAt) {}

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return passwordPage(model);
    }

    @PostMapping("/account/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!errors.hasFieldErrors("repeatPassword") && !form.repeatPassword().equals(form.newPassword())) {
            errors.rejectValue("repeatPassword", "password.repeat.differs", "does not match the new password");
        }
        if (!errors.hasErrors()) {
            Outcome<UserView> changed = identity.changeOwnPassword(form.currentPassword(), form.newPassword());
            if (changed instanceof Outcome.Refused<UserView> refused) {
                RefusalErrors.reject(refused.refusal(), errors);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return passwordPage(model);
        }
        redirect.addFlashAttribute("notice", message("password.done"));
        return "redirect:/incidents";
    }

    private String passwordPage(Model model) {
        model.addAttribute("forced", identity.mustChangePassword());
        model.addAttribute("minimumLength", PasswordRules.MINIMUM_LENGTH);
        return "account/password";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokenForm", new TokenForm("", null));
        return tokensPage(model);
    }

    @PostMapping("/account/tokens")
    String issueToken(
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            Instant expiresAt = form.expiresAt() == null
                    ? null
                    : form.expiresAt().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Outcome<IssuedToken> issued = identity.issueToken(form.name(), expiresAt);
            if (issued instanceof Outcome.Done<IssuedToken> done) {
                redirect.addFlashAttribute("issuedToken", done.value());
                return "redirect:/account/tokens";
            }
            RefusalErrors.reject(((Outcome.Refused<IssuedToken>) issued).refusal(), errors);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return tokensPage(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        Outcome<TokenView> revoked = identity.revokeToken(id);
        if (revoked instanceof Outcome.Refused<TokenView>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute(
                "notice",
                message(
                        "tokens.revoked.done",
                        ((Outcome.Done<TokenView>) revoked).value().name()));
        return "redirect:/account/tokens";
    }

    private String tokensPage(Model model) {
        model.addAttribute("tokens", identity.myTokens());
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return "account/tokens";
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
