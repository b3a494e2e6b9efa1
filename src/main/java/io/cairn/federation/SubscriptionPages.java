package io.cairn.federation;

import io.cairn.assets.AssetManagement;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
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
 * The admins' page of subscriptions: this instance's subscriptions at its providers with the form to subscribe (the
 * services offered by the chosen provider's catalogue, fetched with htmx when the provider changes) and to cancel,
 * the providers' catalogues to fetch anew, and the subscriptions customers hold at this instance with each one's
 * publication rule to set or clear. Each problem shows next to its field.
 */
@Controller
class SubscriptionPages {

    /** What an admin entered to subscribe at a provider. */
    record SubscribeForm(
            @Nullable String provider,
            @Nullable List<String> services,
            @Nullable String minSeverity,
            @Nullable List<String> categories) {

        SubscribeForm {
            services = services == null ? List.of() : services;
            categories = categories == null ? List.of() : categories;
            minSeverity = minSeverity == null || minSeverity.isBlank() ? null : minSeverity;
        }
    }

    /** What an admin entered for a publication rule; {@code publish} off clears the rule. */
    record RuleForm(
            @Nullable Boolean publish,
            @Nullable Boolean confirmedOnly,
            @Nullable String minSeverity,
            @Nullable List<String> services,
            @Nullable Boolean relayReceived,
            @Nullable Long version) {

        SubscriptionRules.@Nullable RuleInput rule() {
            return Boolean.TRUE.equals(publish)
                    ? new SubscriptionRules.RuleInput(
                            Boolean.TRUE.equals(confirmedOnly),
                            minSeverity == null || minSeverity.isBlank() ? null : minSeverity,
                            services == null ? List.of() : services,
                            Boolean.TRUE.equals(relayReceived))
                    : null;
        }
    }

    private final SubscriptionManagement subscriptions;
    private final IncidentManagement incidents;
    private final AssetManagement assets;
    private final IdentityManagement identity;
    private final MessageSource messages;

    SubscriptionPages(
            SubscriptionManagement subscriptions,
            IncidentManagement incidents,
            AssetManagement assets,
            IdentityManagement identity,
            MessageSource messages) {
        this.subscriptions = subscriptions;
        this.incidents = incidents;
        this.assets = assets;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/subscriptions")
    String page(@Nullable String provider, Model model) {
        requireAdmin();
        return page(new SubscribeForm(provider, null, null, null), Map.of(), null, model);
    }

    /** The services of a provider's catalogue as checkboxes, for the subscribe form (htmx). */
    @GetMapping("/admin/subscriptions/services")
    String services(@Nullable String provider, Model model) {
        requireAdmin();
        model.addAttribute("form", new SubscribeForm(provider, null, null, null));
        model.addAttribute("catalogue", catalogue(provider));
        model.addAttribute("errors", Map.of());
        return "federation/subscriptions :: services";
    }

    @PostMapping("/admin/subscriptions")
    String subscribe(SubscribeForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<SubscriptionViews.Ours> made = subscriptions.subscribe(
                peerId(form.provider()),
                new SubscriptionRules.FilterInput(form.services(), form.minSeverity(), form.categories()));
        if (made instanceof Outcome.Done<SubscriptionViews.Ours> done) {
            redirect.addFlashAttribute(
                    "notice", message("subscriptions.subscribed", done.value().providerName()));
            return "redirect:/admin/subscriptions";
        }
        return page(form, errors(made, response), null, model);
    }

    @PostMapping("/admin/subscriptions/{id}/cancellation")
    String cancel(
            @PathVariable SubscriptionId id,
            @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        Outcome<SubscriptionViews.Ours> cancelled = subscriptions.cancel(id, version == null ? -1 : version);
        if (cancelled instanceof Outcome.Done<SubscriptionViews.Ours> done) {
            redirect.addFlashAttribute(
                    "notice", message("subscriptions.cancelled", done.value().providerName()));
            return "redirect:/admin/subscriptions";
        }
        return page(new SubscribeForm(null, null, null, null), errors(cancelled, response), "ours-" + id, model);
    }

    @PostMapping("/admin/subscriptions/catalogues/{id}/refresh")
    String refresh(@PathVariable PeerId id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<SubscriptionViews.Catalogue> fetched = subscriptions.refreshCatalogue(id);
        if (fetched instanceof Outcome.Done<SubscriptionViews.Catalogue> done) {
            redirect.addFlashAttribute(
                    "notice",
                    message("subscriptions.catalogue.refreshed", done.value().providerName()));
            return "redirect:/admin/subscriptions?provider=" + id;
        }
        return page(
                new SubscribeForm(id.toString(), null, null, null),
                errors(fetched, response),
                "catalogue-" + id,
                model);
    }

    @PostMapping("/admin/subscriptions/{id}/rule")
    String rule(
            @PathVariable SubscriptionId id,
            RuleForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        Outcome<SubscriptionViews.Customers> set =
                subscriptions.setPublicationRule(id, form.rule(), form.version() == null ? -1 : form.version());
        if (set instanceof Outcome.Done<SubscriptionViews.Customers> done) {
            redirect.addFlashAttribute(
                    "notice", message("subscriptions.rule.saved", done.value().peerName()));
            return "redirect:/admin/subscriptions#customers";
        }
        return page(new SubscribeForm(null, null, null, null), errors(set, response), "rule-" + id, model);
    }

    private String page(SubscribeForm form, Map<String, String> errors, @Nullable String errorsOf, Model model) {
        List<PeerView> providers = subscriptions.providers().orRefuse();
        String chosen = form.provider() != null && !form.provider().isBlank()
                ? form.provider()
                : providers.isEmpty() ? null : providers.get(0).id().toString();
        model.addAttribute("ours", subscriptions.ourSubscriptions().orRefuse());
        model.addAttribute("customers", subscriptions.customerSubscriptions().orRefuse());
        model.addAttribute("providers", providers);
        model.addAttribute("form", new SubscribeForm(chosen, form.services(), form.minSeverity(), form.categories()));
        model.addAttribute("catalogue", catalogue(chosen));
        model.addAttribute("categories", categoryOptions());
        model.addAttribute("severities", List.of("low", "medium", "high", "critical"));
        model.addAttribute("ourServices", assets.offeredServices());
        model.addAttribute("errors", errors);
        model.addAttribute("errorsOf", errorsOf == null ? "subscribe" : errorsOf);
        return "federation/subscriptions";
    }

    /** A category to choose: an RSIT class, or a class/type pair. */
    record CategoryOption(String value, String label) {}

    private List<CategoryOption> categoryOptions() {
        List<CategoryOption> options = new java.util.ArrayList<>();
        String lastClass = null;
        for (IncidentManagement.CategoryChoice choice : incidents.categories()) {
            String rsitClass = choice.category().rsitClass();
            if (!rsitClass.equals(lastClass)) {
                options.add(
                        new CategoryOption(rsitClass, message("subscriptions.category.class", choice.classLabel())));
                lastClass = rsitClass;
            }
            options.add(new CategoryOption(
                    rsitClass + "/" + choice.category().rsitType(), choice.classLabel() + " / " + choice.typeLabel()));
        }
        return options;
    }

    private SubscriptionViews.@Nullable Catalogue catalogue(@Nullable String provider) {
        PeerId id = peerId(provider);
        return id == null
                ? null
                : subscriptions.catalogue(id) instanceof Outcome.Done<SubscriptionViews.Catalogue> done
                        ? done.value()
                        : null;
    }

    /** The problems by field, those of one list's items ({@code services[2]}) joined under the list's name. */
    private Map<String, String> errors(Outcome<?> refused, HttpServletResponse response) {
        Map<String, String> joined = new LinkedHashMap<>();
        RefusalErrors.answer(refused, messages, response).forEach((field, text) -> {
            int bracket = field.indexOf('[');
            String key = bracket < 0 ? field : field.substring(0, bracket);
            String shown = bracket < 0 ? text : field.substring(bracket) + " " + text;
            joined.merge(key, shown, (a, b) -> a + "; " + b);
        });
        return joined;
    }

    private static @Nullable PeerId peerId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.UUID id = SubscriptionRules.uuid(text.trim());
        return id == null ? new PeerId(new java.util.UUID(0, 0)) : new PeerId(id);
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage subscriptions");
        }
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
