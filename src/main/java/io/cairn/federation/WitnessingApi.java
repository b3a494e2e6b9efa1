package io.cairn.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API of witnessing peers' audit trails: how each is witnessed, its alarms, and a round on demand. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation")
class WitnessingApi {

    private final FederationManagement federation;

    WitnessingApi(FederationManagement federation) {
        this.federation = federation;
    }

    @Operation(
            operationId = "listWitnessing",
            summary = "How peers' audit trails are witnessed (admin, auditor)",
            description = "Per peer: its pinned witness key, its log's name, the size of its newest checkpoint this "
                    + "instance cosigned, what the last round found, and the alarms raised by checkpoints that "
                    + "contradicted one cosigned before (a fork or a rewrite of the peer's trail).")
    @GetMapping("/witnessing")
    List<PeerWitnessState> witnessing() {
        return federation.witnessing().orRefuse();
    }

    /** The size of the peer's checkpoint this instance cosigned. */
    record Witnessed(long cosignedSize) {}

    @Operation(
            operationId = "witnessPeer",
            summary = "Witness a peer's audit trail now (admin)",
            description = "Fetches the peer's newest checkpoint and the consistency proof from the last one cosigned, "
                    + "cosigns it if it is consistent, and sends the cosignature back; a peer that does not answer, a "
                    + "contradiction or a changed witness key is refused with the reason (and a contradiction is kept "
                    + "as an alarm).")
    @ApiResponse(responseCode = "200", description = "Cosigned")
    @PostMapping("/peers/{id}/witnessing")
    Witnessed witness(@PathVariable PeerId id) {
        return new Witnessed(federation.witnessNow(id).orRefuse());
    }

    @Operation(
            operationId = "forgetWitnessKey",
            summary = "Forget a peer's pinned witness key (admin)",
            description = "After the peer changed its witness key on purpose: the next round pins the one it then "
                    + "serves. Audited.")
    @ApiResponse(responseCode = "204", description = "Forgotten, or none was pinned")
    @DeleteMapping("/peers/{id}/witnessing")
    ResponseEntity<Void> forget(@PathVariable PeerId id) {
        federation.forgetWitnessKey(id).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
