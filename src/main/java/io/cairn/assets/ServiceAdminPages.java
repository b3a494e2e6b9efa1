package io.cairn.assets;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.SharedRefusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The admins' pages of services: the list with a form to register one, and a page per service to change it, see what
 * depends on it, and retire or restore it. Each problem shows next to its field.
 */
@Controller
class ServiceAdminPages {

    /** What an admin entered for a service; ids as the form sends them, read here so a bad one is named. */
    record ServiceForm(
            String name,
            String description,
            String ownerTeam,
            String criticality,
            List<String> dependsOn,
            @Nullable String provider,
            @Nullable Long version) {

        /** What the provider field sends for a service that runs on no provider's service. */
        static final String NO_PROVIDER = "";

        ServiceForm {
            name = name == null ? "" : name;
            description = description == null ? "" : description;
            ownerTeam = ownerTeam == null ? "" : ownerTeam.trim();
            criticality = criticality == null ? "" : criticality.trim();
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }

        static ServiceForm empty() {
            return new ServiceForm("", "", "", Criticality.MEDIUM.code(), List.of(), NO_PROVIDER, null);
        }

        static ServiceForm of(ServiceView service) {
            return new ServiceForm(
                    service.name(),
                    service.description(),
                    service.ownerTeam().toString(),
                    service.criticality().code(),
                    service.dependsOn().stream().map(s -> s.id().toString()).toList(),
                    service.provider() == null ? NO_PROVIDER : providerValue(service.provider()),
                    service.version());
        }

        /** A provider service as the provider field sends it: the peer's id and the service's, with a slash. */
        static String providerValue(ProviderServiceRef provider) {
            return provider.peer() + "/" + provider.service();
        }

        /** The provider service the field names; empty for none, or when the page had no such field (null). */
        Outcome<Optional<ServiceDefinition.ProviderKey>> providerKey() {
            if (provider == null || provider.isBlank()) {
                return Outcome.done(Optional.empty());
            }
            String[] ids = provider.trim().split("/", 2);
            Optional<java.util.UUID> peer = parse(ids[0], java.util.UUID::fromString);
            Optional<java.util.UUID> service =
                    ids.length == 2 ? parse(ids[1], java.util.UUID::fromString) : Optional.empty();
            if (peer.isEmpty() || service.isEmpty()) {
                return Outcome.refused(Refusal.invalid("provider", AssetRefusals.NOT_A_SERVICE, provider));
            }
            return Outcome.done(Optional.of(new ServiceDefinition.ProviderKey(peer.get(), service.get())));
        }

        /** The definition the form gives, or the refusal that names its first unreadable field. */
        Outcome<ServiceDefinition> definition() {
            Optional<TeamId> team = ownerTeam.isEmpty() ? Optional.empty() : parse(ownerTeam, TeamId::valueOf);
            if (!ownerTeam.isEmpty() && team.isEmpty()) {
                return Outcome.refused(Refusal.invalid("ownerTeam", SharedRefusals.TEAM_DOES_NOT_EXIST, ownerTeam));
            }
            Optional<Criticality> level = Criticality.find(criticality);
            List<ServiceId> dependencies = new ArrayList<>();
            for (String id : dependsOn) {
                Optional<ServiceId> dependency = parse(id, ServiceId::valueOf);
                if (dependency.isEmpty()) {
                    return Outcome.refused(Refusal.invalid("dependsOn", AssetRefusals.NOT_A_SERVICE, id));
                }
                dependencies.add(dependency.get());
            }
            return providerKey()
                    .map(key -> new ServiceDefinition(
                            name, description, team.orElse(null), level.orElse(null), dependencies, key.orElse(null)));
        }

        private static <T> Optional<T> parse(String text, java.util.function.Function<String, T> reader) {
            try {
                return Optional.of(reader.apply(text.trim()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final AssetManagement assets;
    private final IdentityManagement identity;
    private final MessageSource messages;

    ServiceAdminPages(AssetManagement assets, IdentityManagement identity, MessageSource messages) {
        this.assets = assets;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/services")
    String list(Model model) {
        requireAdmin();
        return listPage(ServiceForm.empty(), Map.of(), model);
    }

    @PostMapping("/admin/services")
    String register(ServiceForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<ServiceView> registered = form.definition().flatMap(assets::registerService);
        if (registered instanceof Outcome.Done<ServiceView> done) {
            redirect.addFlashAttribute(
                    "notice", message("services.registered", done.value().name()));
            return "redirect:/admin/services";
        }
        return listPage(form, RefusalErrors.answer(registered, messages, response), model);
    }

    @GetMapping("/admin/services/{id}")
    String service(@PathVariable ServiceId id, Model model) {
        requireAdmin();
        ServiceView service = found(id);
        return servicePage(service, ServiceForm.of(service), Map.of(), model);
    }

    @PostMapping("/admin/services/{id}")
    String change(
            @PathVariable ServiceId id,
            ServiceForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        ServiceView service = found(id);
        Long version = form.version();
        if (version == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return servicePage(service, form, Map.of("form", message("form.version-missing")), model);
        }
        Outcome<ServiceView> changed = form.definition()
                .flatMap(d -> assets.changeService(
                        id,
                        new ServicePatch(
                                d.name(),
                                d.description(),
                                d.ownerTeam(),
                                d.criticality(),
                                d.dependsOn(),
                                d.provider(),
                                ServiceForm.NO_PROVIDER.equals(form.provider()),
                                null),
                        version));
        if (changed instanceof Outcome.Done<ServiceView> done) {
            redirect.addFlashAttribute(
                    "notice", message("services.changed", done.value().name()));
            return "redirect:/admin/services/" + id;
        }
        // the form keeps what the admin entered, on the stored version: after a stale write they check and save again
        return servicePage(found(id), form, RefusalErrors.answer(changed, messages, response), model);
    }

    @PostMapping("/admin/services/{id}/retirement")
    String retire(
            @PathVariable ServiceId id,
            @Nullable Long version,
            boolean retired,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        ServiceView service = found(id);
        Outcome<ServiceView> changed =
                assets.changeService(id, ServicePatch.retiring(retired), version == null ? -1 : version);
        if (changed instanceof Outcome.Done<ServiceView> done) {
            redirect.addFlashAttribute(
                    "notice",
                    message(
                            retired ? "services.retired" : "services.restored",
                            done.value().name()));
            return "redirect:/admin/services/" + id;
        }
        return servicePage(service, ServiceForm.of(service), RefusalErrors.answer(changed, messages, response), model);
    }

    private String listPage(ServiceForm form, Map<String, String> errors, Model model) {
        List<ServiceView> services = assets.services().orRefuse();
        model.addAttribute("services", services);
        model.addAttribute(
                "choices", services.stream().filter(s -> !s.retired()).toList());
        return withChoices(form, errors, model, "admin/services");
    }

    private String servicePage(ServiceView service, ServiceForm form, Map<String, String> errors, Model model) {
        model.addAttribute("stored", service);
        model.addAttribute("dependingOn", assets.servicesDependingOn(service.id()));
        model.addAttribute(
                "choices",
                assets.services().orRefuse().stream()
                        .filter(s -> !s.id().equals(service.id()))
                        .filter(s -> !s.retired() || form.dependsOn().contains(s.id().toString()))
                        .toList());
        String view = withChoices(form, errors, model, "admin/service");
        List<?> offered = model.getAttribute("providerChoices") instanceof List<?> choices ? choices : List.of();
        if (service.provider() != null && !offered.contains(service.provider())) {
            // the provider no longer offers it: keep it choosable, so that saving does not drop it unseen
            List<Object> choices = new ArrayList<>(offered);
            choices.add(0, service.provider());
            model.addAttribute("providerChoices", choices);
        }
        return view;
    }

    private String withChoices(ServiceForm form, Map<String, String> errors, Model model, String view) {
        model.addAttribute("service", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("teamNames", identity.teamNames());
        model.addAttribute("criticalities", Criticality.values());
        List<ProviderServiceRef> offered = assets.offeredByProviders();
        // the field shows once a provider offers a service (or the service runs on one, see servicePage)
        model.addAttribute("providerChoices", offered.isEmpty() ? null : offered);
        return view;
    }

    private ServiceView found(ServiceId id) {
        if (assets.service(id) instanceof Outcome.Done<ServiceView> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage services");
        }
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
