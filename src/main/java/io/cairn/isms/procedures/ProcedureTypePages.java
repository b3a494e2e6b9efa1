package io.cairn.isms.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' editor of procedure types: the list (retire and restore), and one page per type with its start form,
 * phases and steps, one row each in order, with empty rows for new ones ({@link ProcedureTypeForm} reads them back).
 * A refused save shows the page again with what was entered and each problem next to its field.
 */
@Controller
class ProcedureTypePages {

    private final SecurityProcedures procedures;
    private final IdentityManagement identity;
    private final MessageSource messages;

    ProcedureTypePages(SecurityProcedures procedures, IdentityManagement identity, MessageSource messages) {
        this.procedures = procedures;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/procedure-types")
    String list(Model model) {
        requireAdmin();
        model.addAttribute("types", procedures.types());
        return "isms/admin-procedure-types";
    }

    @GetMapping("/admin/procedure-types/new")
    String newType(Model model) {
        requireAdmin();
        return editor(null, 0, ProcedureTypeForm.empty(), Map.of(), model);
    }

    @GetMapping("/admin/procedure-types/{id}/edit")
    String edit(@PathVariable ProcedureTypeId id, Model model) {
        requireAdmin();
        Outcome<ProcedureType> found = procedures.type(id);
        if (!(found instanceof Outcome.Done<ProcedureType> done)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return editor(id, done.value().version(), done.value().definition(), Map.of(), model);
    }

    @PostMapping("/admin/procedure-types")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        requireAdmin();
        ProcedureDefinition definition = ProcedureTypeForm.read(form);
        return saved(procedures.addType(definition), null, 0, definition, model, redirect);
    }

    @PostMapping("/admin/procedure-types/{id}")
    String revise(
            @PathVariable ProcedureTypeId id,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireAdmin();
        ProcedureDefinition definition = ProcedureTypeForm.read(form);
        return saved(procedures.reviseType(id, definition, version), id, version, definition, model, redirect);
    }

    @PostMapping("/admin/procedure-types/{id}/retirement")
    String retire(
            @PathVariable ProcedureTypeId id,
            @RequestParam boolean retired,
            @RequestParam long version,
            RedirectAttributes redirect) {
        requireAdmin();
        if (procedures.retireType(id, retired, version) instanceof Outcome.Refused<ProcedureType> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        }
        return "redirect:/admin/procedure-types";
    }

    private String saved(
            Outcome<ProcedureType> outcome,
            @Nullable ProcedureTypeId id,
            long version,
            ProcedureDefinition definition,
            Model model,
            RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Done<ProcedureType> done) {
            redirect.addFlashAttribute("notice", done.value().definition().name());
            return "redirect:/admin/procedure-types";
        }
        Refusal refusal = ((Outcome.Refused<ProcedureType>) outcome).refusal();
        Map<String, String> errors =
                RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field);
        return editor(id, version, definition, errors, model);
    }

    private String editor(
            @Nullable ProcedureTypeId id,
            long version,
            ProcedureDefinition definition,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("typeId", id);
        model.addAttribute("version", version);
        model.addAttribute("draft", definition);
        model.addAttribute("rows", ProcedureTypeForm.rows(definition));
        model.addAttribute("errors", errors);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("fieldKinds", List.of(FormField.Kind.values()));
        model.addAttribute("stepKinds", List.of(ProcedureStep.Kind.values()));
        model.addAttribute("controls", procedures.controls());
        return "isms/admin-procedure-type";
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to edit procedure types");
        }
    }
}
