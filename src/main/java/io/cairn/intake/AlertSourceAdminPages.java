package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages of alert sources: the list with a form to register one, and a page per source to change its
 * description, senders and state, or to remove it. Each problem shows next to its field.
 */
@Controller
class AlertSourceAdminPages {

    /** What an admin entered for a source; the senders as login names separated by commas or spaces. */
    record SourceForm(
            String key,
            String description,
            String senders,
            Boolean enabled,
            @Nullable Long version) {

        SourceForm {
            key = key == null ? "" : key.trim();
            description = description == null ? "" : description;
            senders = senders == null ? "" : senders;
            enabled = Boolean.TRUE.equals(enabled);
        }

        static SourceForm of(AlertSource source) {
            return new SourceForm(
                    source.key(),
                    source.description(),
                    String.join(", ", source.senders()),
                    source.enabled(),
                    source.version());
        }

        AlertSourceDefinition definition() {
            List<String> names = senders == null || senders.isBlank()
                    ? List.of()
                    : Arrays.stream(senders.trim().split("[,\\s]+")).toList();
            return new AlertSourceDefinition(description, names, Boolean.TRUE.equals(enabled));
        }
    }

    private final AlertSourceRegistry registry;
    private final IdentityManagement identity;
    private final MessageSource messages;

    AlertSourceAdminPages(AlertSourceRegistry registry, IdentityManagement identity, MessageSource messages) {
        this.registry = registry;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/alert-sources")
    String list(Model model) {
        requireAdmin();
        return listPage(new SourceForm("", "", "", true, null), Map.of(), model);
    }

    @PostMapping("/admin/alert-sources")
    String register(SourceForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<AlertSource> registered = registry.register(form.key(), form.definition());
        if (registered instanceof Outcome.Done<AlertSource> done) {
            redirect.addFlashAttribute(
                    "notice", message("alert-sources.registered", done.value().key()));
            return "redirect:/admin/alert-sources";
        }
        return listPage(form, RefusalErrors.answer(registered, messages, response), model);
    }

    @GetMapping("/admin/alert-sources/{key}")
    String source(@PathVariable String key, Model model) {
        requireAdmin();
        AlertSource source = found(key);
        return sourcePage(source, SourceForm.of(source), Map.of(), model);
    }

    @PostMapping("/admin/alert-sources/{key}")
    String change(
            @PathVariable String key,
            SourceForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        AlertSource source = found(key);
        if (form.version() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return sourcePage(source, form, Map.of("form", message("form.version-missing")), model);
        }
        Outcome<AlertSource> changed = registry.change(key, form.definition(), form.version());
        if (changed instanceof Outcome.Done<AlertSource> done) {
            redirect.addFlashAttribute(
                    "notice", message("alert-sources.changed", done.value().key()));
            return "redirect:/admin/alert-sources";
        }
        // the form keeps what the admin entered, on the stored version: after a stale write they check and save again
        return sourcePage(found(key), form, RefusalErrors.answer(changed, messages, response), model);
    }

    @PostMapping("/admin/alert-sources/{key}/removal")
    String remove(
            @PathVariable String key,
            @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        AlertSource source = found(key);
        Outcome<String> removed = registry.remove(key, version == null ? -1 : version);
        if (removed instanceof Outcome.Done<String>) {
            redirect.addFlashAttribute("notice", message("alert-sources.removed", key));
            return "redirect:/admin/alert-sources";
        }
        return sourcePage(source, SourceForm.of(source), RefusalErrors.answer(removed, messages, response), model);
    }

    private String listPage(SourceForm form, Map<String, String> errors, Model model) {
        model.addAttribute("sources", registry.sources().orRefuse());
        model.addAttribute("source", form);
        model.addAttribute("errors", errors);
        return "portal/admin-alert-sources";
    }

    private String sourcePage(AlertSource source, SourceForm form, Map<String, String> errors, Model model) {
        model.addAttribute("stored", source);
        model.addAttribute("source", form);
        model.addAttribute("errors", errors);
        return "portal/admin-alert-source";
    }

    private AlertSource found(String key) {
        if (registry.source(key) instanceof Outcome.Done<AlertSource> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage alert sources");
        }
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
