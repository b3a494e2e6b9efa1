package io.cairn.intake;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Machine reports: monitoring systems post alerts here with a personal API token of a service account. */
@RestController
class AlertApi {

    private final IntakeManagement intake;

    AlertApi(IntakeManagement intake) {
        this.intake = intake;
    }

    /** 201 with the new incident, or 200 when the alert was a repeat counted on an open incident. */
    @PostMapping("/api/v1/alerts")
    ResponseEntity<AlertReceipt> receive(@Valid @RequestBody Alert alert) {
        AlertReceipt receipt = intake.receiveAlert(alert).orRefuse();
        if (receipt.repeated()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + receipt.incident())).body(receipt);
    }
}
