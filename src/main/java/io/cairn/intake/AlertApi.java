package io.cairn.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Machine reports: monitoring systems post alerts here with a personal API token of an account that an admin allowed
 * to send for the alert's source.
 */
@RestController
@Tag(
        name = "Alerts",
        description = "Machine reports: monitoring systems post alerts with the API token of a service account; a "
                + "repeat of an alert whose incident is open is counted on that incident.")
class AlertApi {

    private final AlertReception reception;

    AlertApi(AlertReception reception) {
        this.reception = reception;
    }

    /** 201 with the new incident, or 200 when the alert was a repeat counted on an open incident. */
    @Operation(
            operationId = "receiveAlert",
            summary = "Receive an alert from a registered source",
            description = "Only the accounts an admin allowed to send for the alert's source may send; a repeat is "
                    + "counted on the open incident.")
    @ApiResponse(responseCode = "200", description = "A repeat, counted on the open incident")
    @ApiResponse(responseCode = "201", description = "A new incident, opened; `Location` names it")
    @PostMapping("/api/v1/alerts")
    ResponseEntity<AlertReceipt> receive(@Valid @RequestBody Alert alert) {
        AlertReceipt receipt = reception.receive(alert).orRefuse();
        if (receipt.repeated()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + receipt.incident()))
                .body(receipt);
    }
}
