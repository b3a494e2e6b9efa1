package io.cairn.assets;

import io.cairn.identity.TeamId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The services API: staff read the services and what depends on what; admins register, change and retire them. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(
        name = "Services",
        description = "The services this organisation offers its customers or runs on a provider's: owner team, "
                + "criticality, and what each depends on.")
class ServiceApi {

    /**
     * A service to register.
     *
     * @param name unique in any case, 1 to 100 characters
     * @param ownerTeam the id of the team that owns it
     * @param dependsOn the ids of the other services of this organisation it depends on
     * @param provider the provider service it runs on; refused while no provider is registered
     */
    record NewService(
            @Nullable String name,
            @Nullable String description,
            @Nullable TeamId ownerTeam,
            @Nullable Criticality criticality,
            @Nullable List<ServiceId> dependsOn,
            ServiceDefinition.@Nullable ProviderKey provider) {}

    /**
     * A change of a service, with the version the caller read: each field given replaces the stored one, each absent
     * stays as it is.
     *
     * @param dependsOn all the services it depends on from now on; absent keeps them, empty removes them
     * @param clearProvider true to make it run on no provider's service
     * @param retired true retires it, false restores it
     */
    record ServiceChange(
            @Nullable String name,
            @Nullable String description,
            @Nullable TeamId ownerTeam,
            @Nullable Criticality criticality,
            @Nullable List<ServiceId> dependsOn,
            ServiceDefinition.@Nullable ProviderKey provider,
            @Nullable Boolean clearProvider,
            @Nullable Boolean retired,
            @NotNull Long version) {}

    private final AssetManagement assets;

    ServiceApi(AssetManagement assets) {
        this.assets = assets;
    }

    @Operation(operationId = "listServices", summary = "List the services (admin, handler, coordinator)")
    @GetMapping
    List<ServiceView> all() {
        return assets.services().orRefuse();
    }

    @Operation(
            operationId = "getService",
            summary = "Read a service (admin, handler, coordinator)",
            description = "With the services it depends on and those that depend on it directly.")
    @GetMapping("/{id}")
    ServiceView one(@PathVariable ServiceId id) {
        return assets.service(id).orRefuse();
    }

    @Operation(operationId = "registerService", summary = "Register a service (admin)")
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names it")
    @ApiResponse(responseCode = "409", description = "Another service has this name.")
    @PostMapping
    ResponseEntity<ServiceView> register(@RequestBody NewService service) {
        ServiceView registered = assets.registerService(new ServiceDefinition(
                        service.name(),
                        service.description(),
                        service.ownerTeam(),
                        service.criticality(),
                        service.dependsOn() == null ? List.of() : service.dependsOn(),
                        service.provider()))
                .orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/services/" + registered.id()))
                .body(registered);
    }

    @Operation(
            operationId = "changeService",
            summary = "Change a service (admin)",
            description = "Each field given replaces the stored one; `retired` retires or restores it. A dependency "
                    + "that would make a cycle is refused. Needs the version the caller read.")
    @PatchMapping("/{id}")
    ServiceView change(@PathVariable ServiceId id, @Valid @RequestBody ServiceChange change) {
        return assets.changeService(
                        id,
                        new ServicePatch(
                                change.name(),
                                change.description(),
                                change.ownerTeam(),
                                change.criticality(),
                                change.dependsOn(),
                                change.provider(),
                                Boolean.TRUE.equals(change.clearProvider()),
                                change.retired()),
                        change.version())
                .orRefuse();
    }

    @Operation(
            operationId = "retireService",
            summary = "Retire a service (admin)",
            description = "It stays on the incidents and services that name it, but cannot be newly named; a change "
                    + "with `retired: false` restores it. Needs the version the caller read.")
    @DeleteMapping("/{id}")
    ServiceView retire(@PathVariable ServiceId id, @RequestParam(required = false) @Nullable Long version) {
        if (version == null) {
            throw new RefusedException(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        return assets.retireService(id, version).orRefuse();
    }
}
