package io.cairn.assets;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' register of services: what this organisation offers or runs on a provider's, who owns each, how
 * critical it is and what it depends on. Staff read it; admins register, change, retire and restore services, and
 * every change is recorded in the audit trail.
 */
@Service
class ServiceRegistry {

    private final ServiceCatalogue catalogue;
    private final ObjectProvider<ProviderServices> providers;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceRegistry(
            ServiceCatalogue catalogue,
            ObjectProvider<ProviderServices> providers,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogue = catalogue;
        this.providers = providers;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a provider is registered, so that a service may name the provider service it runs on. */
    boolean providersRegistered() {
        return providers.getIfAvailable() != null;
    }

    /** The provider services a service may run on; none until a provider is registered. */
    List<ProviderServiceRef> offeredByProviders() {
        ProviderServices registered = providers.getIfAvailable();
        return registered == null ? List.of() : registered.offered();
    }

    /** Every service, those in use first (admins, handlers and coordinators). */
    @Transactional(readOnly = true)
    Outcome<List<ServiceView>> services() {
        return requireStaff().<Outcome<List<ServiceView>>>map(Outcome::refused).orElseGet(() -> {
            List<ServiceCatalogue.Stored> all = catalogue.all();
            ServiceGraph graph = ServiceGraph.of(catalogue.dependencies());
            Map<ServiceId, ServiceSummary> known = ServiceViews.byId(all);
            return Outcome.done(
                    all.stream().map(s -> ServiceViews.view(s, graph, known)).toList());
        });
    }

    /** One service (admins, handlers and coordinators). */
    @Transactional(readOnly = true)
    Outcome<ServiceView> service(ServiceId id) {
        return requireStaff()
                .<Outcome<ServiceView>>map(Outcome::refused)
                .orElseGet(() -> catalogue
                        .byId(id)
                        .map(stored -> Outcome.done(view(stored)))
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("service " + id))));
    }

    /** Registers a service under a name no other service has (admins). */
    @Transactional
    Outcome<ServiceView> register(ServiceDefinition definition) {
        Optional<Refusal> refusal = requireAdmin("register services")
                .or(() -> ServiceRules.fieldProblem(definition))
                .or(() -> checkedTeam(definition))
                .or(() -> nameTaken(definition.trimmedName(), null))
                .or(() -> dependencyProblem(null, definition.dependsOn(), List.of()));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Outcome<Optional<ProviderServiceRef>> provider = provider(definition.provider());
        if (provider instanceof Outcome.Refused<Optional<ProviderServiceRef>> refused) {
            return Outcome.refused(refused.refusal());
        }
        Instant now = clock.instant();
        ServiceCatalogue.Stored service = new ServiceCatalogue.Stored(
                ServiceId.random(),
                definition.trimmedName(),
                definition.trimmedDescription(),
                Objects.requireNonNull(definition.ownerTeam()),
                Objects.requireNonNull(definition.criticality()),
                ((Outcome.Done<Optional<ProviderServiceRef>>) provider).value().orElse(null),
                false,
                now,
                now,
                0);
        // a second registration of the name at the same moment fails on the unique index and rolls back; it cannot be
        // caught here, inside the transaction, and answers 409 at the web boundary
        catalogue.add(service);
        catalogue.dependOn(service.id(), definition.dependsOn());
        return published(service.id(), ServiceChanged.Verb.REGISTERED, null);
    }

    /** Changes what the patch gives, if nobody changed the service since the caller read it (admins). */
    @Transactional
    Outcome<ServiceView> change(ServiceId id, ServicePatch patch, long version) {
        Optional<Refusal> refusal = requireAdmin("change services");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<ServiceCatalogue.Stored> found = catalogue.lockedById(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("service " + id));
        }
        ServiceCatalogue.Stored stored = found.get();
        if (stored.version() != version) {
            return Outcome.refused(Refusal.stale(version, stored.version()));
        }
        return new ServiceChange(stored, patch, currentDependencies(id)).apply();
    }

    /** The services that depend on this one, directly or through others; for modules that follow dependencies. */
    @Transactional(readOnly = true)
    List<ServiceSummary> servicesDependingOn(ServiceId id) {
        return catalogue.byIds(catalogue.dependingOn(id)).stream()
                .map(ServiceCatalogue.Stored::summary)
                .toList();
    }

    /** The services that run on a provider's service, or depend on one that does; for federation. */
    @Transactional(readOnly = true)
    List<ServiceSummary> servicesRunningOn(UUID providerPeer, UUID providerService) {
        return catalogue.byIds(catalogue.runningOn(providerPeer, providerService)).stream()
                .map(ServiceCatalogue.Stored::summary)
                .toList();
    }

    /** The services with these ids that exist, retired or not, by name; for modules that name services. */
    @Transactional(readOnly = true)
    List<ServiceSummary> summaries(java.util.Collection<ServiceId> ids) {
        return catalogue.byIds(ids).stream()
                .map(ServiceCatalogue.Stored::summary)
                .toList();
    }

    /** The services not retired, by name, as others are shown them. */
    @Transactional(readOnly = true)
    List<OfferedService> offered() {
        return catalogue.all().stream()
                .filter(s -> !s.retired())
                .map(s -> new OfferedService(s.id(), s.name(), s.description()))
                .toList();
    }

    /** One change of a stored service, checked whole before anything is written. */
    private final class ServiceChange {

        private final ServiceCatalogue.Stored stored;
        private final ServicePatch patch;
        private final List<ServiceId> current;

        ServiceChange(ServiceCatalogue.Stored stored, ServicePatch patch, List<ServiceId> current) {
            this.stored = stored;
            this.patch = patch;
            this.current = current;
        }

        Outcome<ServiceView> apply() {
            ServiceDefinition merged = merged();
            Optional<Refusal> refusal = (patch.provider() != null && patch.clearProvider()
                            ? Optional.of(Refusal.invalid("provider", AssetRefusals.PROVIDER_BOTH_WAYS))
                            : Optional.<Refusal>empty())
                    .or(() -> ServiceRules.fieldProblem(merged))
                    .or(() -> patch.ownerTeam() == null ? Optional.empty() : checkedTeam(merged))
                    .or(() -> nameTaken(merged.trimmedName(), stored.id()))
                    .or(() -> dependencyProblem(stored.id(), merged.dependsOn(), current));
            if (refusal.isPresent()) {
                return Outcome.refused(refusal.get());
            }
            Outcome<Optional<ProviderServiceRef>> provider = patch.provider() == null
                    ? Outcome.done(patch.clearProvider() ? Optional.empty() : Optional.ofNullable(stored.provider()))
                    : provider(patch.provider());
            if (provider instanceof Outcome.Refused<Optional<ProviderServiceRef>> refused) {
                return Outcome.refused(refused.refusal());
            }
            String before = ServiceViews.snapshot(stored, current);
            boolean retired = patch.retired() == null ? stored.retired() : patch.retired();
            catalogue.change(new ServiceCatalogue.Stored(
                    stored.id(),
                    merged.trimmedName(),
                    merged.trimmedDescription(),
                    Objects.requireNonNull(merged.ownerTeam()),
                    Objects.requireNonNull(merged.criticality()),
                    ((Outcome.Done<Optional<ProviderServiceRef>>) provider)
                            .value()
                            .orElse(null),
                    retired,
                    stored.createdAt(),
                    clock.instant(),
                    stored.version()));
            if (patch.dependsOn() != null) {
                catalogue.dependOn(stored.id(), merged.dependsOn());
            }
            return published(stored.id(), verb(retired), before);
        }

        private ServiceDefinition merged() {
            return new ServiceDefinition(
                    patch.name() == null ? stored.name() : patch.name(),
                    patch.description() == null ? stored.description() : patch.description(),
                    patch.ownerTeam() == null ? stored.ownerTeam() : patch.ownerTeam(),
                    patch.criticality() == null ? stored.criticality() : patch.criticality(),
                    patch.dependsOn() == null ? current : patch.dependsOn(),
                    null);
        }

        private ServiceChanged.Verb verb(boolean retired) {
            if (retired == stored.retired()) {
                return ServiceChanged.Verb.CHANGED;
            }
            return retired ? ServiceChanged.Verb.RETIRED : ServiceChanged.Verb.RESTORED;
        }
    }

    private Optional<Refusal> checkedTeam(ServiceDefinition definition) {
        return definition.ownerTeam() == null || identity.teamExists(definition.ownerTeam())
                ? Optional.empty()
                : Optional.of(Refusal.invalid(
                        "ownerTeam",
                        SharedRefusals.TEAM_DOES_NOT_EXIST,
                        definition.ownerTeam().toString()));
    }

    private Optional<Refusal> nameTaken(String name, @Nullable ServiceId except) {
        return catalogue.nameTaken(name, except)
                ? Optional.of(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN))
                : Optional.empty();
    }

    private Optional<Refusal> dependencyProblem(
            @Nullable ServiceId service, List<ServiceId> dependsOn, List<ServiceId> current) {
        if (dependsOn.isEmpty()) {
            return Optional.empty();
        }
        return ServiceRules.dependencyProblem(
                service,
                dependsOn,
                ServiceViews.byId(catalogue.byIds(
                        service == null
                                ? dependsOn
                                : java.util.stream.Stream.concat(
                                                dependsOn.stream(), java.util.stream.Stream.of(service))
                                        .toList())),
                current,
                ServiceGraph.of(catalogue.dependencies()));
    }

    /** The provider service the caller named, as its provider last gave it; empty when none is named. */
    private Outcome<Optional<ProviderServiceRef>> provider(ServiceDefinition.@Nullable ProviderKey key) {
        if (key == null) {
            return Outcome.done(Optional.empty());
        }
        ProviderServices registered = providers.getIfAvailable();
        if (registered == null) {
            return Outcome.refused(Refusal.invalid("provider", AssetRefusals.NO_PROVIDER_REGISTERED));
        }
        UUID peer = key.peer();
        UUID service = key.service();
        if (peer == null || service == null) {
            return Outcome.refused(
                    Refusal.invalid(peer == null ? "provider.peer" : "provider.service", SharedRefusals.REQUIRED));
        }
        return registered
                .find(peer, service)
                .<Outcome<Optional<ProviderServiceRef>>>map(found -> Outcome.done(Optional.of(found)))
                .orElseGet(() -> Outcome.refused(
                        Refusal.invalid("provider", AssetRefusals.PROVIDER_SERVICE_NOT_OFFERED, peer, service)));
    }

    private List<ServiceId> currentDependencies(ServiceId id) {
        return catalogue.dependencies().stream()
                .filter(edge -> edge.getKey().equals(id))
                .map(Map.Entry::getValue)
                .toList();
    }

    private Outcome<ServiceView> published(ServiceId id, ServiceChanged.Verb verb, @Nullable String before) {
        ServiceCatalogue.Stored after = catalogue.byId(id).orElseThrow();
        events.publishEvent(new ServiceChanged(
                id,
                identity.requireActor().ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before).map(b -> ContentDigest.of(b).hex()),
                Optional.of(ContentDigest.of(ServiceViews.snapshot(after, currentDependencies(id)))
                        .hex())));
        return Outcome.done(view(after));
    }

    private ServiceView view(ServiceCatalogue.Stored stored) {
        List<ServiceCatalogue.Stored> all = catalogue.all();
        return ServiceViews.view(stored, ServiceGraph.of(catalogue.dependencies()), ServiceViews.byId(all));
    }

    private Optional<Refusal> requireAdmin(String what) {
        Optional<Actor> actor = identity.currentActor();
        return actor.isPresent() && actor.get().has(Role.ADMIN)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }

    private Optional<Refusal> requireStaff() {
        Optional<Actor> actor = identity.currentActor();
        return actor.isPresent() && actor.get().hasAny(Role.ADMIN, Role.HANDLER, Role.COORDINATOR)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "admin, handler or coordinator", "look up services"));
    }
}
