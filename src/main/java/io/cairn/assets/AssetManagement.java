package io.cairn.assets;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assets module's entry point: the device registry and the services. Admins register, import and hand over
 * devices, and register, change and retire services; handlers and coordinators look both up; every user sees the
 * devices they hold, to pick the one an incident affects.
 */
@Service
public class AssetManagement {

    private final Devices devices;
    private final Holdings holdings;
    private final ServiceRegistry services;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssetManagement(
            Devices devices,
            Holdings holdings,
            ServiceRegistry services,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.devices = devices;
        this.holdings = holdings;
        this.services = services;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a device (admin only); the identifier must be new. */
    @Transactional
    public Outcome<DeviceView> register(NewDevice device) {
        Optional<Refusal> refusal = requireAdmin("register devices")
                .or(() -> devices.findByIdentifier(device.identifier().trim())
                        .map(d -> Refusal.conflict("identifier", AssetRefusals.ALREADY_REGISTERED)))
                .or(() -> unknownHolder(device.holder()));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Instant now = clock.instant();
        Device registered = Device.register(
                device.name().trim(), device.kind(), device.identifier().trim(), now);
        // a second registration of the identifier at the same moment fails on the unique index and rolls back; it
        // cannot be caught here, inside the transaction, and answers 409 at the web boundary
        devices.save(registered);
        publish(registered, DeviceChanged.Verb.REGISTERED, null);
        if (device.holder() != null) {
            handOver(registered, device.holder(), device.holderSince() == null ? now : device.holderSince());
        }
        return Outcome.done(registered.view());
    }

    /** Hands a device to another holder, or to nobody, from a moment on (admin only). */
    @Transactional
    public Outcome<DeviceView> handOver(DeviceId id, @Nullable UserId holder, @Nullable Instant since, long version) {
        Optional<Refusal> refusal = requireAdmin("hand over devices").or(() -> unknownHolder(holder));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<Device> found = devices.findById(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("device " + id));
        }
        Device device = found.get();
        if (device.version() != version) {
            return Outcome.refused(Refusal.stale(version, device.version()));
        }
        if (since != null && since.isAfter(clock.instant())) {
            return Outcome.refused(Refusal.invalid("since", SharedRefusals.LIES_IN_THE_FUTURE));
        }
        handOver(device, holder, since == null ? clock.instant() : since);
        return Outcome.done(device.view());
    }

    private void handOver(Device device, @Nullable UserId holder, Instant since) {
        String before = device.snapshot();
        device.handOver(holder, since);
        devices.save(device);
        holdings.handOver(device.id(), holder, since);
        publish(device, DeviceChanged.Verb.HANDED_OVER, before);
    }

    /** The devices the signed-in user holds now. */
    @Transactional(readOnly = true)
    public List<DeviceView> myDevices() {
        return devices.findHeldBy(identity.requireActor().id().value()).stream()
                .map(Device::view)
                .toList();
    }

    /** Every device (admins, handlers and coordinators). */
    @Transactional(readOnly = true)
    public Outcome<List<DeviceView>> devices() {
        Optional<Refusal> refusal = requireStaff();
        return refusal.<Outcome<List<DeviceView>>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(
                        devices.findAllByName().stream().map(Device::view).toList()));
    }

    /** Whether a device with this id is registered; for modules that refer to devices by id. */
    @Transactional(readOnly = true)
    public boolean isRegistered(DeviceId id) {
        return devices.existsById(id.value());
    }

    /** One device, for its holder or staff. */
    @Transactional(readOnly = true)
    public Outcome<DeviceView> device(DeviceId id) {
        Actor actor = identity.requireActor();
        return devices.findById(id.value())
                .filter(device -> requireStaff().isEmpty() || actor.id().equals(device.holder()))
                .map(Device::view)
                .<Outcome<DeviceView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("device " + id)));
    }

    /** Who held the device when, oldest first (staff only). */
    @Transactional(readOnly = true)
    public Outcome<List<Holding>> holdings(DeviceId id) {
        Optional<Refusal> refusal = requireStaff();
        return refusal.<Outcome<List<Holding>>>map(Outcome::refused).orElseGet(() -> Outcome.done(holdings.of(id)));
    }

    /** Who held the device at a moment (staff only). */
    @Transactional(readOnly = true)
    public Outcome<Optional<UserId>> holderAt(DeviceId id, Instant at) {
        Optional<Refusal> refusal = requireStaff();
        return refusal.<Outcome<Optional<UserId>>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(holdings.holderAt(id, at)));
    }

    /**
     * Imports devices from CSV (admin only). The header names the columns: {@code name}, {@code kind} and
     * {@code identifier} are required, {@code holder} (a login name) and {@code since} (a date or an ISO instant)
     * optional. A device whose identifier is known is updated. Every line is checked first: if any is wrong,
     * nothing is stored and each problem is named by line and column.
     */
    @Transactional
    public Outcome<DeviceImport> importCsv(String csv) {
        Optional<Refusal> refusal = requireAdmin("import devices");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return DeviceCsv.read(
                        csv, loginName -> identity.findUserByUsername(loginName).map(UserView::id), clock.instant())
                .map(this::storeAll);
    }

    /** Stores the lines of an import, every one of them good. */
    private DeviceImport storeAll(List<DeviceCsv.Line> lines) {
        int registered = 0;
        int updated = 0;
        for (DeviceCsv.Line line : lines) {
            if (store(line)) {
                registered++;
            } else {
                updated++;
            }
        }
        return new DeviceImport(registered, updated, List.of());
    }

    /** Stores one imported line; true when the device was new. */
    private boolean store(DeviceCsv.Line line) {
        Instant now = clock.instant();
        Optional<Device> known = devices.findByIdentifier(line.identifier());
        Device device = known.orElseGet(() -> Device.register(line.name(), line.kind(), line.identifier(), now));
        String before = known.map(Device::snapshot).orElse(null);
        device.describe(line.name(), line.kind());
        devices.save(device);
        publish(device, known.isPresent() ? DeviceChanged.Verb.UPDATED : DeviceChanged.Verb.REGISTERED, before);
        boolean holderChanged = !java.util.Objects.equals(device.holder(), line.holder());
        if (holderChanged) {
            handOver(device, line.holder(), line.since() == null ? now : line.since());
        }
        return known.isEmpty();
    }

    // --- services ----------------------------------------------------------------------------------------------------

    /** Every service, those in use first (admins, handlers and coordinators). */
    public Outcome<List<ServiceView>> services() {
        return services.services();
    }

    /** One service, with what it depends on and what depends on it (admins, handlers and coordinators). */
    public Outcome<ServiceView> service(ServiceId id) {
        return services.service(id);
    }

    /** Registers a service (admin only); its name must be new in any case. */
    public Outcome<ServiceView> registerService(ServiceDefinition definition) {
        return services.register(definition);
    }

    /** Changes a service if nobody changed it since the caller read this version (admin only). */
    public Outcome<ServiceView> changeService(ServiceId id, ServicePatch patch, long version) {
        return services.change(id, patch, version);
    }

    /** Retires a service (admin only): it stays where it is named, but cannot be newly named. */
    public Outcome<ServiceView> retireService(ServiceId id, long version) {
        return services.change(id, ServicePatch.retiring(true), version);
    }

    /**
     * The services of this organisation that depend on this one, directly or through others (cycle-safe), retired or
     * not; for modules that follow dependencies, such as federation finding what a provider's incident affects.
     */
    public List<ServiceSummary> servicesDependingOn(ServiceId id) {
        return services.servicesDependingOn(id);
    }

    /**
     * The services of this organisation that run on a provider's service (the peer's id, the service's id there), and
     * those that depend on them, directly or through others; for federation finding what a provider's incident
     * affects here.
     */
    public List<ServiceSummary> servicesRunningOn(UUID providerPeer, UUID providerService) {
        return services.servicesRunningOn(providerPeer, providerService);
    }

    /** The services with these ids that exist, retired or not, by name; for modules that refer to services by id. */
    public List<ServiceSummary> serviceSummaries(Collection<ServiceId> ids) {
        return services.summaries(ids);
    }

    /**
     * The services this organisation offers that are not retired, by name; for the exchange, which shows them to the
     * customer peers it has authenticated (no user is signed in there).
     */
    public List<OfferedService> offeredServices() {
        return services.offered();
    }

    /** Whether a provider is registered, so that a service may name the provider service it runs on. */
    public boolean providersRegistered() {
        return services.providersRegistered();
    }

    /** The provider services a service may run on; none until a provider is registered. */
    public List<ProviderServiceRef> offeredByProviders() {
        return services.offeredByProviders();
    }

    private Optional<Refusal> unknownHolder(@Nullable UserId holder) {
        if (holder == null || identity.userExists(holder)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.invalid("holder", SharedRefusals.USER_DOES_NOT_EXIST, holder.toString()));
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
                        SharedRefusals.NEEDS_ROLE, "admin, handler or coordinator", "look up devices"));
    }

    private void publish(Device device, DeviceChanged.Verb verb, @Nullable String before) {
        events.publishEvent(new DeviceChanged(
                device.id(),
                identity.requireActor().ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before).map(b -> ContentDigest.of(b).hex()),
                Optional.of(ContentDigest.of(device.snapshot()).hex())));
    }
}
