package io.cairn.intake;

import io.swagger.v3.oas.annotations.Operation;
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
class AlertApi {

    private final AlertReception reception;

    AlertApi(AlertReception reception) {
        this.reception = reception;
    }

    /** 201 with the new incident, or 200 when the alert was a repeat counted on an open incident. */
    @Operation(summary = "Receive an alert from a registered source (its senders only); a repeat is counted on the "
            + "open incident")
    @PostMapping("/api/v1/alerts")
    ResponseEntity<AlertReceipt> receive(@Valid @RequestBody Alert alert) {
        AlertReceipt receipt = reception.receive(alert).orRefuse();
        if (receipt.repeated()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + receipt.incident())).body(receipt);
    }
}
