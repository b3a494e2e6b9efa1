package io.cairn.compliance;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.LegalEntityId;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
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
 * The pages of legal entities: the list with a form to create one, and a page per entity to change its regulatory
 * profile. Admins change them; coordinators and privacy officers read them. Each problem shows next to its field.
 */
@Controller
class LegalEntityAdminPages {

    /** What an admin entered; the jurisdictions as one text of codes, such as {@code NL, BE}. */
    record EntityForm(
            String name,
            String jurisdictions,
            String nis2,
            @Nullable Boolean doraFinancialEntity,
            String gdprRole,
            String supervisoryAuthorityName,
            String supervisoryAuthorityContact,
            String privacyOfficer,
            String annualTurnoverEur,
            @Nullable Boolean secRegistrant,
            @Nullable Boolean hipaaCoveredEntity,
            @Nullable Long version) {

        EntityForm {
            name = name == null ? "" : name;
            jurisdictions = jurisdictions == null ? "" : jurisdictions;
            nis2 = nis2 == null ? "" : nis2;
            gdprRole = gdprRole == null ? "" : gdprRole;
            supervisoryAuthorityName = supervisoryAuthorityName == null ? "" : supervisoryAuthorityName;
            supervisoryAuthorityContact = supervisoryAuthorityContact == null ? "" : supervisoryAuthorityContact;
            privacyOfficer = privacyOfficer == null ? "" : privacyOfficer.strip();
            doraFinancialEntity = Boolean.TRUE.equals(doraFinancialEntity);
            annualTurnoverEur = annualTurnoverEur == null ? "" : annualTurnoverEur.strip();
            secRegistrant = Boolean.TRUE.equals(secRegistrant);
            hipaaCoveredEntity = Boolean.TRUE.equals(hipaaCoveredEntity);
        }

        static EntityForm empty() {
            return new EntityForm(
                    "",
                    "",
                    Nis2Status.NOT_IN_SCOPE.code(),
                    false,
                    GdprRole.CONTROLLER.code(),
                    "",
                    "",
                    "",
                    "",
                    false,
                    false,
                    null);
        }

        static EntityForm of(LegalEntityView entity) {
            return new EntityForm(
                    entity.name(),
                    String.join(", ", entity.jurisdictions()),
                    entity.nis2(),
                    entity.doraFinancialEntity(),
                    entity.gdprRole(),
                    entity.supervisoryAuthorityName(),
                    entity.supervisoryAuthorityContact(),
                    entity.privacyOfficer() == null
                            ? ""
                            : entity.privacyOfficer().toString(),
                    entity.annualTurnoverEur() == null
                            ? ""
                            : entity.annualTurnoverEur().toString(),
                    entity.secRegistrant(),
                    entity.hipaaCoveredEntity(),
                    entity.version());
        }

        LegalEntityDefinition definition() {
            UserId officer;
            try {
                officer = privacyOfficer.isEmpty() ? null : UserId.valueOf(privacyOfficer);
            } catch (IllegalArgumentException e) {
                officer = UserId.valueOf("00000000-0000-0000-0000-000000000000");
            }
            List<String> codes = Arrays.stream(jurisdictions.split("[,\\s]+"))
                    .filter(code -> !code.isBlank())
                    .toList();
            return new LegalEntityDefinition(
                    name,
                    codes,
                    nis2,
                    doraFinancialEntity,
                    gdprRole,
                    supervisoryAuthorityName,
                    supervisoryAuthorityContact,
                    officer,
                    turnover(),
                    secRegistrant,
                    hipaaCoveredEntity);
        }

        /** The turnover as a number; a text that is none gives -1, which the definition refuses by its field. */
        private @Nullable Long turnover() {
            if (annualTurnoverEur.isEmpty()) {
                return null;
            }
            try {
                return Long.valueOf(annualTurnoverEur.replace(" ", "").replace(".", ""));
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
    }

    private final ComplianceManagement compliance;
    private final IdentityManagement identity;
    private final MessageSource messages;

    LegalEntityAdminPages(ComplianceManagement compliance, IdentityManagement identity, MessageSource messages) {
        this.compliance = compliance;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/legal-entities")
    String list(Model model) {
        return listPage(EntityForm.empty(), Map.of(), model);
    }

    @PostMapping("/admin/legal-entities")
    String create(EntityForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Outcome<LegalEntityView> created = compliance.createLegalEntity(form.definition());
        if (created instanceof Outcome.Done<LegalEntityView> done) {
            redirect.addFlashAttribute(
                    "notice", message("legal-entities.created", done.value().name()));
            return "redirect:/admin/legal-entities";
        }
        return listPage(form, RefusalErrors.answer(created, messages, response), model);
    }

    @GetMapping("/admin/legal-entities/{id}")
    String entity(@PathVariable LegalEntityId id, Model model) {
        LegalEntityView entity = found(compliance.legalEntity(id));
        return entityPage(entity, EntityForm.of(entity), Map.of(), model);
    }

    @PostMapping("/admin/legal-entities/{id}")
    String change(
            @PathVariable LegalEntityId id,
            EntityForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LegalEntityView entity = found(compliance.legalEntity(id));
        if (form.version() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return entityPage(entity, form, Map.of("form", message("form.version-missing")), model);
        }
        Outcome<LegalEntityView> changed = compliance.changeLegalEntity(id, form.definition(), form.version());
        if (changed instanceof Outcome.Done<LegalEntityView> done) {
            redirect.addFlashAttribute(
                    "notice", message("legal-entities.saved", done.value().name()));
            return "redirect:/admin/legal-entities/" + id;
        }
        return entityPage(entity, form, RefusalErrors.answer(changed, messages, response), model);
    }

    private String listPage(EntityForm form, Map<String, String> errors, Model model) {
        model.addAttribute("entities", found(compliance.legalEntities()));
        return withChoices(form, errors, model, "compliance/legal-entities");
    }

    private String entityPage(LegalEntityView entity, EntityForm form, Map<String, String> errors, Model model) {
        model.addAttribute("stored", entity);
        return withChoices(form, errors, model, "compliance/legal-entity");
    }

    private String withChoices(EntityForm form, Map<String, String> errors, Model model, String view) {
        boolean admin = identity.requireActor().has(Role.ADMIN);
        model.addAttribute("entity", form);
        model.addAttribute("errors", errors);
        model.addAttribute("admin", admin);
        model.addAttribute("nis2Choices", Nis2Status.codes());
        model.addAttribute("gdprChoices", GdprRole.codes());
        model.addAttribute(
                "officers",
                admin
                        ? identity.users().orRefuse().stream()
                                .filter(user -> user.roles().contains(Role.PRIVACY_OFFICER))
                                .toList()
                        : List.<UserView>of());
        return view;
    }

    private static <T> T found(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        Outcome.Refused<T> refused = (Outcome.Refused<T>) outcome;
        throw new ResponseStatusException(
                HttpStatus.valueOf(refused.refusal().kind().status()),
                refused.refusal().message());
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
