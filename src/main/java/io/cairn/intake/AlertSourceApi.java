package io.cairn.intake;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alert source API: admins register the systems that may send alerts, and the accounts that send for each. */
@RestController
@RequestMapping("/api/v1/alert-sources")
@Tag(
        name = "Alert sources",
        description =
                "The systems that may send alerts, and the accounts that send for each; " + "admins register them.")
class AlertSourceApi {

    /**
     * A source to register.
     *
     * @param key the name its alerts give as their {@code source}
     * @param senders login names of the accounts that may send for it
     * @param enabled whether it accepts alerts now (default true)
     */
    record NewSource(
            @Nullable String key,
            @Nullable String description,
            @Nullable List<String> senders,
            @Nullable Boolean enabled) {}

    /** A source's new description, senders and state, with the version the caller read. */
    record SourceChange(
            @Nullable String description,
            @Nullable List<String> senders,
            @NotNull Boolean enabled,
            @NotNull Long version) {}

    private final AlertSourceRegistry registry;

    AlertSourceApi(AlertSourceRegistry registry) {
        this.registry = registry;
    }

    @Operation(operationId = "listAlertSources", summary = "List the registered alert sources (admin)")
    @GetMapping
    List<AlertSource> all() {
        return registry.sources().orRefuse();
    }

    @Operation(operationId = "getAlertSource", summary = "Get one alert source (admin)")
    @GetMapping("/{key}")
    AlertSource one(@PathVariable String key) {
        return registry.source(key).orRefuse();
    }

    @Operation(
            operationId = "registerAlertSource",
            summary = "Register an alert source (admin)",
            description = "Names the accounts that may send alerts for it.")
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names it")
    @ApiResponse(responseCode = "409", description = "The key is already taken.")
    @PostMapping
    ResponseEntity<AlertSource> register(@Valid @RequestBody NewSource source) {
        AlertSource registered = registry.register(
                        source.key() == null ? "" : source.key(),
                        new AlertSourceDefinition(
                                source.description(),
                                Objects.requireNonNullElse(source.senders(), List.of()),
                                !Boolean.FALSE.equals(source.enabled())))
                .orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/alert-sources/" + registered.key()))
                .body(registered);
    }

    @Operation(
            operationId = "changeAlertSource",
            summary = "Change an alert source (admin)",
            description = "Its description, senders and whether it is enabled; needs the version the caller read.")
    @PutMapping("/{key}")
    AlertSource change(@PathVariable String key, @Valid @RequestBody SourceChange change) {
        return registry.change(
                        key,
                        new AlertSourceDefinition(
                                change.description(),
                                Objects.requireNonNullElse(change.senders(), List.of()),
                                change.enabled()),
                        change.version())
                .orRefuse();
    }

    @Operation(
            operationId = "removeAlertSource",
            summary = "Remove an alert source (admin)",
            description =
                    "Forgets its de-duplication records too; the incidents stay. Needs the version the caller read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{key}")
    ResponseEntity<Void> remove(@PathVariable String key, @RequestParam(required = false) @Nullable Long version) {
        if (version == null) {
            throw new RefusedException(Refusal.invalid("version", IntakeRefusals.VERSION_REQUIRED));
        }
        registry.remove(key, version).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
