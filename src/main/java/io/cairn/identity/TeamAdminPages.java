package io.cairn.identity;

import io.cairn.shared.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages for teams and business units: list, create, rename. Each page shows the list with a form to
 * create one, and a page per team or unit to change it. Only admins see these pages.
 */
@Controller
class TeamAdminPages {

    private final IdentityManagement identity;
    private final BusinessUnitAdministration units;
    private final MessageSource messages;

    TeamAdminPages(IdentityManagement identity, BusinessUnitAdministration units, MessageSource messages) {
        this.identity = identity;
        this.units = units;
        this.messages = messages;
    }

    record TeamForm(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 2000) String description,
            @Nullable String businessUnit,
            @Nullable Long version) {}

    /** A business unit as the form sends it; the legal entity's id as text, empty for none. */
    record UnitForm(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 2000) String description,
            @Nullable String legalEntity,
            @Nullable Long version) {

        BusinessUnitDefinition definition() {
            return new BusinessUnitDefinition(name, Objects.requireNonNullElse(description, ""), legalEntityId());
        }

        /** The legal entity the form names; a text that is no id names none that exists, and is refused so. */
        private @Nullable LegalEntityId legalEntityId() {
            if (legalEntity == null || legalEntity.isBlank()) {
                return null;
            }
            try {
                return LegalEntityId.valueOf(legalEntity.strip());
            } catch (IllegalArgumentException e) {
                return new LegalEntityId(new java.util.UUID(0, 0));
            }
        }
    }

    // --- teams ---------------------------------------------------------------------------------------------------

    @GetMapping("/admin/teams")
    String teams(Model model) {
        AdminForms.requireAdmin(identity);
        model.addAttribute("teamForm", new TeamForm("", "", "", null));
        return teamsPage(model);
    }

    @PostMapping("/admin/teams")
    String createTeam(
            @Valid @ModelAttribute("teamForm") TeamForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        BusinessUnitId unit = AdminForms.businessUnit(form.businessUnit(), errors);
        if (!errors.hasErrors()) {
            Outcome<TeamView> created = identity.createTeam(
                    new TeamDefinition(form.name(), Objects.requireNonNullElse(form.description(), ""), unit));
            if (created instanceof Outcome.Done<TeamView> done) {
                redirect.addFlashAttribute(
                        "notice", message("teams.created", done.value().name()));
                return "redirect:/admin/teams";
            }
            AdminForms.reject(((Outcome.Refused<TeamView>) created).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return teamsPage(model);
    }

    @GetMapping("/admin/teams/{id}")
    String team(@PathVariable TeamId id, Model model) {
        AdminForms.requireAdmin(identity);
        TeamView team = identity.team(id).orElseThrow(TeamAdminPages::notFound);
        model.addAttribute(
                "teamForm",
                new TeamForm(
                        team.name(),
                        team.description(),
                        team.businessUnit() == null ? "" : team.businessUnit().toString(),
                        team.version()));
        return teamPage(team, model);
    }

    @PostMapping("/admin/teams/{id}")
    String changeTeam(
            @PathVariable TeamId id,
            @Valid @ModelAttribute("teamForm") TeamForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        TeamView team = identity.team(id).orElseThrow(TeamAdminPages::notFound);
        BusinessUnitId unit = AdminForms.businessUnit(form.businessUnit(), errors);
        Long version = form.version();
        if (version == null) {
            errors.reject("form.version-missing", "the form lacks the version; reload the page");
        }
        if (!errors.hasErrors() && version != null) {
            Outcome<TeamView> changed = identity.changeTeam(
                    id,
                    new TeamDefinition(form.name(), Objects.requireNonNullElse(form.description(), ""), unit),
                    version);
            if (changed instanceof Outcome.Done<TeamView> done) {
                redirect.addFlashAttribute(
                        "notice", message("teams.changed", done.value().name()));
                return "redirect:/admin/teams";
            }
            AdminForms.reject(((Outcome.Refused<TeamView>) changed).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return teamPage(team, model);
    }

    private String teamsPage(Model model) {
        Map<BusinessUnitId, String> unitNames = identity.businessUnitNames();
        model.addAttribute("teams", identity.teams());
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("businessUnits", identity.businessUnits());
        return "admin/teams";
    }

    private String teamPage(TeamView team, Model model) {
        model.addAttribute("team", team);
        model.addAttribute("members", identity.members(team.id()).orRefuse());
        model.addAttribute("businessUnits", identity.businessUnits());
        return "admin/team";
    }

    // --- business units ------------------------------------------------------------------------------------------

    @GetMapping("/admin/business-units")
    String businessUnits(Model model) {
        AdminForms.requireAdmin(identity);
        model.addAttribute("unitForm", new UnitForm("", "", "", null));
        return unitsPage(model);
    }

    @PostMapping("/admin/business-units")
    String createBusinessUnit(
            @Valid @ModelAttribute("unitForm") UnitForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        if (!errors.hasErrors()) {
            Outcome<BusinessUnitView> created = identity.createBusinessUnit(form.definition());
            if (created instanceof Outcome.Done<BusinessUnitView> done) {
                redirect.addFlashAttribute(
                        "notice", message("units.created", done.value().name()));
                return "redirect:/admin/business-units";
            }
            AdminForms.reject(((Outcome.Refused<BusinessUnitView>) created).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return unitsPage(model);
    }

    @GetMapping("/admin/business-units/{id}")
    String businessUnit(@PathVariable BusinessUnitId id, Model model) {
        AdminForms.requireAdmin(identity);
        BusinessUnitView unit = identity.businessUnit(id).orElseThrow(TeamAdminPages::notFound);
        model.addAttribute(
                "unitForm",
                new UnitForm(
                        unit.name(),
                        unit.description(),
                        unit.legalEntity() == null ? "" : unit.legalEntity().toString(),
                        unit.version()));
        return unitPage(unit, model);
    }

    @PostMapping("/admin/business-units/{id}")
    String changeBusinessUnit(
            @PathVariable BusinessUnitId id,
            @Valid @ModelAttribute("unitForm") UnitForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminForms.requireAdmin(identity);
        BusinessUnitView unit = identity.businessUnit(id).orElseThrow(TeamAdminPages::notFound);
        Long version = form.version();
        if (version == null) {
            errors.reject("form.version-missing", "the form lacks the version; reload the page");
        }
        if (!errors.hasErrors() && version != null) {
            Outcome<BusinessUnitView> changed = identity.changeBusinessUnit(id, form.definition(), version);
            if (changed instanceof Outcome.Done<BusinessUnitView> done) {
                redirect.addFlashAttribute(
                        "notice", message("units.changed", done.value().name()));
                return "redirect:/admin/business-units";
            }
            AdminForms.reject(((Outcome.Refused<BusinessUnitView>) changed).refusal(), errors, response);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return unitPage(unit, model);
    }

    private String unitsPage(Model model) {
        model.addAttribute("businessUnits", identity.businessUnits());
        model.addAttribute("legalEntities", units.legalEntityNames());
        return "admin/business-units";
    }

    private String unitPage(BusinessUnitView unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("legalEntities", units.legalEntityNames());
        return "admin/business-unit";
    }

    // --- shared --------------------------------------------------------------------------------------------------

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
