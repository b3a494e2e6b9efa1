package io.cairn.risks;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** RISK-3 in the API: the proposals to mark a risk materialized because a linked incident was confirmed. */
@RestController
@RequestMapping("/api/v1/risks/{id}/proposals")
@Tag(name = "Risks")
class RiskProposalApi {

    private final RiskProposals proposals;
    private final RiskManagement risks;

    RiskProposalApi(RiskProposals proposals, RiskManagement risks) {
        this.proposals = proposals;
        this.risks = risks;
    }

    @Operation(
            operationId = "listRiskProposals",
            summary = "The open proposals to mark a risk materialized",
            description =
                    "One per confirmed incident linked to the risk while it is anticipated; none once it is " + "not.")
    @GetMapping
    List<MaterializationProposal> list(@PathVariable RiskId id) {
        return proposals.of(id).orRefuse();
    }

    @Operation(
            operationId = "acceptRiskProposal",
            summary = "Accept a proposal: the risk materializes",
            description = "Coordinators and admins; version must be the risk's stored version.")
    @PostMapping("/{incident}/accept")
    Risk accept(@PathVariable RiskId id, @PathVariable IncidentId incident, @RequestBody RiskForms.RiskStep step) {
        return risks.view(proposals.accept(id, incident, step.version()).orRefuse());
    }

    @Operation(
            operationId = "dismissRiskProposal",
            summary = "Dismiss a proposal: the risk stays as it is",
            description = "Coordinators and admins; the open proposals that are left.")
    @PostMapping("/{incident}/dismiss")
    List<MaterializationProposal> dismiss(@PathVariable RiskId id, @PathVariable IncidentId incident) {
        return proposals.dismiss(id, incident).orRefuse();
    }
}
