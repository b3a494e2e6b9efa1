package io.cairn.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How and when an incident was detected, through the API: the facts its time-to-detect and MET-5 are read from. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incidents")
class DetectionApi {

    private final IncidentManagement incidents;

    DetectionApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Operation(
            operationId = "recordIncidentDetection",
            summary = "Record who or what detected an incident",
            description = "automated (a system: SIEM, EDR, IDS, DLP, an alert source), internal_human (a person "
                    + "inside the organisation) or external (a customer, partner, provider, CSIRT, authority, "
                    + "researcher, the attacker, the media), with the tool or party in detectedBy. Accepting a "
                    + "report at triage needs it; reports of alerts, people and providers come with it.")
    @PostMapping("/incidents/{id}/detection")
    IncidentView recordDetection(
            @PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.RecordDetection command) {
        return incidents.recordDetection(id, command).orRefuse();
    }

    @Operation(
            operationId = "recordIncidentTimes",
            summary = "Record when an incident occurred and when it was detected")
    @PostMapping("/incidents/{id}/times")
    IncidentView recordTimes(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.RecordTimes command) {
        return incidents.recordTimes(id, command).orRefuse();
    }
}
