package io.cairn.handling.routing;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
 * The admins' page of routing rules: the ordered list (move up and down, remove), and a form to add or change a
 * rule, with each problem next to its field.
 */
@Controller
class RoutingAdminPages {

    /** What an admin entered for a rule. */
    record RuleForm(
            @Nullable String name,
            @Nullable String rsitClass,
            @Nullable String rsitType,
            @Nullable String template,
            @Nullable String businessUnit,
            @Nullable String asset,
            @Nullable String team,
            @Nullable String ownerStrategy,
            @Nullable Boolean enabled) {

        RuleForm {
            name = orEmpty(name);
            rsitClass = orEmpty(rsitClass);
            rsitType = orEmpty(rsitType);
            template = orEmpty(template);
            businessUnit = orEmpty(businessUnit);
            asset = orEmpty(asset);
            team = orEmpty(team);
            ownerStrategy = ownerStrategy == null ? "NONE" : ownerStrategy;
            enabled = Boolean.TRUE.equals(enabled);
        }

        static RuleForm empty() {
            return new RuleForm("", "", "", "", "", "", "", "NONE", true);
        }

        static RuleForm of(RoutingRule rule) {
            return new RuleForm(
                    rule.name(),
                    orEmpty(rule.rsitClass()),
                    orEmpty(rule.rsitType()),
                    orEmpty(rule.template()),
                    rule.businessUnit() == null ? "" : rule.businessUnit().toString(),
                    rule.asset() == null ? "" : rule.asset().toString(),
                    rule.team().toString(),
                    rule.ownerStrategy().name(),
                    rule.enabled());
        }

        private static String orEmpty(@Nullable String text) {
            return text == null ? "" : text;
        }
    }

    private final RoutingRuleManagement procedures;
    private final IdentityManagement identity;
    private final IncidentManagement incidents;
    private final MessageSource messages;

    RoutingAdminPages(
            RoutingRuleManagement procedures,
            IdentityManagement identity,
            IncidentManagement incidents,
            MessageSource messages) {
        this.procedures = procedures;
        this.identity = identity;
        this.incidents = incidents;
        this.messages = messages;
    }

    @GetMapping("/admin/routing")
    String list(Model model) {
        requireAdmin();
        return page(null, 0, RuleForm.empty(), Map.of(), model);
    }

    @GetMapping("/admin/routing/{id}/edit")
    String edit(@PathVariable RoutingRuleId id, Model model) {
        requireAdmin();
        Outcome<RoutingRule> rule = procedures.routingRule(id);
        if (!(rule instanceof Outcome.Done<RoutingRule> done)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return page(id, done.value().version(), RuleForm.of(done.value()), Map.of(), model);
    }

    @PostMapping("/admin/routing")
    String add(RuleForm form, Model model, RedirectAttributes redirect) {
        requireAdmin();
        Map<String, String> errors = new LinkedHashMap<>();
        RoutingRuleDefinition definition = definition(form, 0, errors);
        return saved(
                definition == null ? null : procedures.addRoutingRule(definition),
                null,
                0,
                form,
                errors,
                model,
                redirect);
    }

    @PostMapping("/admin/routing/{id}")
    String change(
            @PathVariable RoutingRuleId id,
            @RequestParam long version,
            RuleForm form,
            Model model,
            RedirectAttributes redirect) {
        requireAdmin();
        Map<String, String> errors = new LinkedHashMap<>();
        RoutingRuleDefinition definition = definition(form, version, errors);
        return saved(
                definition == null ? null : procedures.changeRoutingRule(id, definition),
                id,
                version,
                form,
                errors,
                model,
                redirect);
    }

    @PostMapping("/admin/routing/{id}/move")
    String move(@PathVariable RoutingRuleId id, @RequestParam String direction) {
        requireAdmin();
        procedures.moveRoutingRule(id, "up".equals(direction));
        return "redirect:/admin/routing";
    }

    @PostMapping("/admin/routing/{id}/removal")
    String remove(@PathVariable RoutingRuleId id, RedirectAttributes redirect) {
        requireAdmin();
        if (procedures.removeRoutingRule(id) instanceof Outcome.Refused<RoutingRuleId> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        }
        return "redirect:/admin/routing";
    }

    private @Nullable RoutingRuleDefinition definition(RuleForm form, long version, Map<String, String> errors) {
        BusinessUnitId unit = null;
        if (form.businessUnit() != null && !form.businessUnit().isBlank()) {
            try {
                unit = BusinessUnitId.valueOf(form.businessUnit());
            } catch (IllegalArgumentException e) {
                errors.put("businessUnit", "choose a business unit");
            }
        }
        RoutingRule.OwnerStrategy strategy;
        try {
            strategy = RoutingRule.OwnerStrategy.valueOf(Objects.requireNonNullElse(form.ownerStrategy(), "NONE"));
        } catch (IllegalArgumentException e) {
            errors.put("ownerStrategy", "choose how an owner is picked");
            strategy = RoutingRule.OwnerStrategy.NONE;
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new RoutingRuleDefinition(
                Objects.requireNonNullElse(form.name(), ""),
                form.rsitClass(),
                form.rsitType(),
                form.template(),
                unit,
                form.asset(),
                Objects.requireNonNullElse(form.team(), ""),
                strategy,
                form.enabled(),
                version);
    }

    private String saved(
            @Nullable Outcome<RoutingRule> outcome,
            @Nullable RoutingRuleId id,
            long version,
            RuleForm form,
            Map<String, String> errors,
            Model model,
            RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Done<RoutingRule> done) {
            redirect.addFlashAttribute("notice", done.value().name());
            return "redirect:/admin/routing";
        }
        if (outcome instanceof Outcome.Refused<RoutingRule> refused) {
            Refusal refusal = refused.refusal();
            errors.putAll(RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field));
        }
        return page(id, version, form, errors, model);
    }

    private String page(
            @Nullable RoutingRuleId id, long version, RuleForm form, Map<String, String> errors, Model model) {
        List<RoutingRule> rules = procedures.routingRules().orRefuse();
        model.addAttribute("rules", rules);
        model.addAttribute("ruleId", id);
        model.addAttribute("version", version);
        model.addAttribute("rule", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("teamNames", identity.teamNames());
        model.addAttribute("businessUnits", identity.businessUnits());
        model.addAttribute("businessUnitNames", identity.businessUnitNames());
        Map<String, String> classes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (IncidentManagement.CategoryChoice choice : incidents.categories()) {
            classes.putIfAbsent(choice.category().rsitClass(), choice.classLabel());
            types.put(choice.category().rsitClass() + "/" + choice.category().rsitType(), choice.typeLabel());
        }
        model.addAttribute("classes", classes);
        model.addAttribute("typeLabels", types);
        model.addAttribute("strategies", RoutingRule.OwnerStrategy.values());
        model.addAttribute("pageAddress", id == null ? "/admin/routing" : "/admin/routing/" + id + "/edit");
        return "handling/admin-routing";
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to edit routing rules");
        }
    }
}
