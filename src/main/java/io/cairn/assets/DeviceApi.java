package io.cairn.assets;

import io.cairn.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The device registry API. */
@RestController
@Tag(
        name = "Devices",
        description = "The device registry: laptops, phones and other devices, and who held each one when.")
class DeviceApi {

    private final AssetManagement assets;

    DeviceApi(AssetManagement assets) {
        this.assets = assets;
    }

    @Operation(operationId = "listDevices", summary = "List the devices")
    @GetMapping("/api/v1/devices")
    List<DeviceView> devices() {
        return assets.devices().orRefuse();
    }

    @Operation(operationId = "registerDevice", summary = "Register a device")
    @ApiResponse(responseCode = "201", description = "The device, registered")
    @ApiResponse(responseCode = "409", description = "A device with this identifier is already registered.")
    @PostMapping("/api/v1/devices")
    ResponseEntity<DeviceView> register(@Valid @RequestBody NewDevice device) {
        DeviceView registered = assets.register(device).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/devices/" + registered.id()))
                .body(registered);
    }

    /** Imports a CSV file: a header naming name,kind,identifier[,holder,since], then a device a line. */
    @Operation(
            operationId = "importDevices",
            summary = "Import devices from a CSV file",
            description = "A header naming `name,kind,identifier[,holder,since]`, then a device a line; the answer "
                    + "names each line that was not imported and why.")
    @PostMapping(
            path = "/api/v1/devices/import",
            consumes = {"text/csv", "text/plain"})
    DeviceImport importCsv(@RequestBody String csv) {
        return assets.importCsv(csv).orRefuse();
    }

    @Operation(operationId = "getDevice", summary = "Read a device")
    @GetMapping("/api/v1/devices/{id}")
    DeviceView device(@PathVariable DeviceId id) {
        return assets.device(id).orRefuse();
    }

    record HandOver(
            @Nullable UserId holder,
            @Nullable Instant since,
            @NotNull Long version) {}

    @Operation(
            operationId = "handOverDevice",
            summary = "Hand a device over",
            description = "To another holder, or to nobody.")
    @PutMapping("/api/v1/devices/{id}/holder")
    DeviceView handOver(@PathVariable DeviceId id, @Valid @RequestBody HandOver handOver) {
        return assets.handOver(id, handOver.holder(), handOver.since(), handOver.version())
                .orRefuse();
    }

    @Operation(operationId = "listDeviceHoldings", summary = "List who held a device when")
    @GetMapping("/api/v1/devices/{id}/holdings")
    List<Holding> holdings(@PathVariable DeviceId id) {
        return assets.holdings(id).orRefuse();
    }

    record HolderAt(@Nullable UserId holder) {}

    @Operation(operationId = "getDeviceHolderAt", summary = "Find who held a device at a time")
    @GetMapping("/api/v1/devices/{id}/holder")
    HolderAt holderAt(@PathVariable DeviceId id, @RequestParam Instant at) {
        Optional<UserId> holder = assets.holderAt(id, at).orRefuse();
        return new HolderAt(holder.orElse(null));
    }

    /** The devices the signed-in user holds. */
    @Tag(name = "Account")
    @Operation(operationId = "listMyDevices", summary = "List the devices you hold")
    @GetMapping("/api/v1/me/devices")
    List<DeviceView> myDevices() {
        return assets.myDevices();
    }
}
