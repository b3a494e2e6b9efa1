package io.cairn.identity;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's user pages: the list, creating a user (who gets a one-time password, shown once), changing one,
 * resetting their password, and disabling or enabling them. Only admins see these pages.
 */
@Controller
class UserAdminPages {

    private final IdentityManagement identity;
    private final MessageSource messages;

    UserAdminPages(IdentityManagement identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    record NewUserForm(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,64}")
            String username,

            @NotBlank @Size(max = 200) String displayName,
            @Nullable @Email @Size(max = 320) String email,
            @Nullable @NotEmpty List<Role> roles,
            @Nullable List<String> teams,
            @Nullable String businessUnit,
            @Nullable @Pattern(regexp = "en|nl|") String language) {}

    record UserForm(
            @NotBlank @Size(max = 200) String displayName,
            @Nullable @Email @Size(max = 320) String email,
            @Nullable @NotEmpty List<Role> roles,
            @Nullable List<String> teams,
            @Nullable String businessUnit,
            @Nullable @Pattern(regexp = "en|nl|") String language,
            @NotNull Long version) {}

    /** A row of the user list, with the names of the user's teams and business unit. */
    record UserRow(
            UserView user, List<String> teamNames, @Nullable String businessUnitName) {}

    @GetMapping("/admin/users")
    String users(Model model) {
        AdminForms.requireAdmin(identity);
        Map<TeamId, String> teamNames = identity.teamNames();
        Map<BusinessUnitId, String> unitNames = identity.businessUnitNames();
        model.addAttribute(
                "users",
                identity.users().orRefuse().stream()
                        .map(user -> new UserRow(
                                user,
                                user.teams().stream()
                                        .map(teamNames::get)
                                        .sorted()
                                        .toList(),
                                user.businessUnit() == null ? null : unitNames.get(user.businessUnit())))
                        .toList());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        AdminForms.requireAdmin(identity);
        model.addAttribute("userForm", new NewUserForm("", "", "", List.of(Role.REPORTER), List.of(), "", ""));
        return newUserPage(model);
    }

    @PostMapping("/admin/users/new")
    String createUser(
            @Valid @ModelAttribute("userForm") NewUserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        Set<TeamId> teams = AdminForms.teams(form.teams(), errors);
        BusinessUnitId unit = AdminForms.businessUnit(form.businessUnit(), errors);
        if (!errors.hasErrors()) {
            Outcome<CreatedUser> created = identity.createUser(new NewUser(
                    form.username(),
                    form.displayName(),
                    form.email(),
                    Set.copyOf(roles(form.roles())),
                    teams,
                    unit,
                    null,
                    blankToNull(form.language())));
            if (created instanceof Outcome.Done<CreatedUser> done) {
                redirect.addFlashAttribute(
                        "notice", message("users.created", done.value().user().username()));
                redirect.addFlashAttribute("oneTimePassword", done.value().oneTimePassword());
                return "redirect:/admin/users/" + done.value().user().id();
            }
            AdminForms.reject(((Outcome.Refused<CreatedUser>) created).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return newUserPage(model);
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UserId id, Model model) {
        AdminForms.requireAdmin(identity);
        UserView user = found(identity.user(id));
        model.addAttribute(
                "userForm",
                new UserForm(
                        user.displayName(),
                        user.email(),
                        List.copyOf(user.roles()),
                        user.teams().stream().map(TeamId::toString).toList(),
                        user.businessUnit() == null ? "" : user.businessUnit().toString(),
                        user.language() == null ? "" : user.language(),
                        user.version()));
        return userPage(user, model);
    }

    @PostMapping("/admin/users/{id}")
    String changeUser(
            @PathVariable UserId id,
            @Valid @ModelAttribute("userForm") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        UserView user = found(identity.user(id));
        Set<TeamId> teams = AdminForms.teams(form.teams(), errors);
        BusinessUnitId unit = AdminForms.businessUnit(form.businessUnit(), errors);
        if (!errors.hasErrors()) {
            Outcome<UserView> changed = identity.changeUser(
                    id,
                    new UserChange(
                            form.displayName(),
                            form.email(),
                            Set.copyOf(roles(form.roles())),
                            teams,
                            unit,
                            user.enabled(),
                            form.version(),
                            blankToNull(form.language())));
            if (changed instanceof Outcome.Done<UserView>) {
                redirect.addFlashAttribute("notice", message("users.changed", user.username()));
                return "redirect:/admin/users/" + id;
            }
            AdminForms.reject(((Outcome.Refused<UserView>) changed).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return userPage(user, model);
    }

    /** Disables or enables the user; everything else stays as it is. */
    @PostMapping("/admin/users/{id}/enabled")
    String enable(
            @PathVariable UserId id,
            @RequestParam boolean enabled,
            @RequestParam long version,
            RedirectAttributes redirect) {
        AdminForms.requireAdmin(identity);
        UserView user = found(identity.user(id));
        Outcome<UserView> changed = identity.changeUser(
                id,
                new UserChange(
                        user.displayName(),
                        user.email(),
                        user.roles(),
                        user.teams(),
                        user.businessUnit(),
                        enabled,
                        version,
                        null));
        if (changed instanceof Outcome.Refused<UserView> refused) {
            redirect.addFlashAttribute("problem", textOf(refused.refusal()));
        } else {
            redirect.addFlashAttribute(
                    "notice", message(enabled ? "users.enabled.done" : "users.disabled.done", user.username()));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@PathVariable UserId id, RedirectAttributes redirect) {
        AdminForms.requireAdmin(identity);
        UserView user = found(identity.user(id));
        String oneTimePassword = identity.resetPassword(id).orRefuse();
        redirect.addFlashAttribute("notice", message("users.password-reset", user.username()));
        redirect.addFlashAttribute("oneTimePassword", oneTimePassword);
        return "redirect:/admin/users/" + id;
    }

    @GetMapping({"/admin/users/{id}/enabled", "/admin/users/{id}/password-reset"})
    String formAddress(@PathVariable UserId id) {
        return "redirect:/admin/users/" + id;
    }

    private String newUserPage(Model model) {
        addChoices(model);
        return "admin/user-new";
    }

    private String userPage(UserView user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("self", user.id().equals(identity.requireActor().id()));
        addChoices(model);
        return "admin/user";
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "teams",
                identity.teams().stream()
                        .sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER))
                        .toList());
        model.addAttribute("businessUnits", identity.businessUnits());
    }

    private static UserView found(Outcome<UserView> user) {
        if (user instanceof Outcome.Done<UserView> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Role> roles(@Nullable List<Role> roles) {
        return roles == null ? List.of() : roles;
    }

    /** The refusal in the reader's language. */
    private String textOf(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.STALE) {
            return message("refusal.stale");
        }
        return RefusalErrors.text(refusal, messages, LocaleContextHolder.getLocale());
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
