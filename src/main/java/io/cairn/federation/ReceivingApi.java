package io.cairn.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The federation API for admins, on receiving: catching up with a provider's feed now. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation")
class ReceivingApi {

    private final FederationManagement federation;

    ReceivingApi(FederationManagement federation) {
        this.federation = federation;
    }

    @Operation(
            operationId = "catchUpWithFeed",
            summary = "Catch up with a provider's feed now (admin)",
            description = "Reads the feed of a subscription this instance holds at a provider from its cursor to its "
                    + "end, each message on the path of a pushed one; messages received before count as duplicates. "
                    + "A provider that does not answer, or answers garbage, is named in `failure`; the next round "
                    + "goes on from the last page stored.")
    @ApiResponse(responseCode = "200", description = "What the round did")
    @ApiResponse(responseCode = "404", description = "No such subscription at a provider.")
    @PostMapping("/upstream-subscriptions/{id}/catch-up")
    FeedPuller.Pull catchUp(@PathVariable SubscriptionId id) {
        return federation.catchUp(id).orRefuse();
    }
}
