package io.cairn.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The delivery status of published messages per peer, and the retry of dead ones, for admins. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation")
class DeliveryApi {

    private final DeliveryStatusKeeping status;

    DeliveryApi(DeliveryStatusKeeping status) {
        this.status = status;
    }

    @Operation(
            operationId = "listDeliveries",
            summary = "The delivery status of every peer (admin)",
            description = "Messages pending, delivered, failing (pending after failed attempts) and dead, with the "
                    + "failing and dead ones and their last error.")
    @GetMapping("/deliveries")
    List<DeliveryReport> reports() {
        return status.reports().orRefuse();
    }

    @Operation(operationId = "getPeerDeliveries", summary = "The delivery status of one peer (admin)")
    @GetMapping("/peers/{id}/deliveries")
    DeliveryReport report(@PathVariable PeerId id) {
        return status.report(id).orRefuse();
    }

    @Operation(
            operationId = "retryDelivery",
            summary = "Push a dead message again (admin)",
            description = "With a fresh count of attempts and a fresh give-up time, due now.")
    @ApiResponse(responseCode = "200", description = "Queued again")
    @ApiResponse(responseCode = "409", description = "The message is no dead letter.")
    @PostMapping("/deliveries/{message}/retry")
    Map<String, UUID> retry(@PathVariable UUID message) {
        return Map.of("message", status.retry(message).orRefuse());
    }

    @Operation(operationId = "retryPeerDeliveries", summary = "Push every dead message of a peer again (admin)")
    @ApiResponse(responseCode = "200", description = "How many were queued again")
    @PostMapping("/peers/{id}/deliveries/retry")
    Map<String, Integer> retryAll(@PathVariable PeerId id) {
        return Map.of("retried", status.retryAll(id).orRefuse());
    }
}
