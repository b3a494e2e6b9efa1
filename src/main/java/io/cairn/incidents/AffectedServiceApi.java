package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The services an incident affects, named by those who handle it; the incident's JSON carries them. */
@RestController
class AffectedServiceApi {

    /**
     * The services the incident affects, all of them, with the incident's version the caller saw.
     *
     * @param services ids of services of this organisation; empty names none
     */
    record AffectedServicesChange(
            @NotNull List<ServiceId> services, @NotNull Long version) {}

    private final IncidentManagement incidents;

    AffectedServiceApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Tag(name = "Incidents")
    @Operation(
            operationId = "nameAffectedServices",
            summary = "Name the services an incident affects",
            description = "Replaces the services named before; a retired service cannot be newly named but stays "
                    + "where it was named. Needs the incident's version the caller saw; the answer is the incident, "
                    + "its `affectedServices` named.")
    @PutMapping("/api/v1/incidents/{id}/services")
    IncidentView name(@PathVariable IncidentId id, @Valid @RequestBody AffectedServicesChange change) {
        return incidents
                .nameAffectedServices(id, change.services(), change.version())
                .orRefuse();
    }
}
