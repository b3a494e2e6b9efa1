package io.cairn.risks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What raised a risk from a finding, in the API; the other side (the risks a run of a security procedure raised, and
 * registering one) is on the thing: {@code /api/v1/procedure-runs/{id}/risks}.
 */
@RestController
@Tag(name = "Risks")
class RiskOriginApi {

    private final RiskRaising raising;

    RiskOriginApi(RiskRaising raising) {
        this.raising = raising;
    }

    @Operation(
            operationId = "listRiskOrigins",
            summary = "What raised a risk from a finding",
            description = "Coordinators, admins and auditors; only the things the reader may see (runs of security "
                    + "procedures), oldest first.")
    @GetMapping("/api/v1/risks/{id}/origins")
    List<RiskOrigin> origins(@PathVariable RiskId id) {
        return raising.originsOf(id).orRefuse();
    }
}
