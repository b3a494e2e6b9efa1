package io.cairn.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regulatory obligations across incidents: admins re-base an open obligation on the regime version in force, after
 * seeing each stage's due instant under both versions.
 */
@RestController
@RequestMapping("/api/v1/compliance/obligations")
@Tag(
        name = "Obligations",
        description = "Regulatory obligations derived from incidents' facts and decisions and their legal entity's "
                + "profile; each counts by the regime version it started under until an admin re-bases it.")
class ObligationApi {

    /** The version of the obligation the admin saw in the preview. */
    record Rebase(@NotNull Long version) {}

    private final ComplianceManagement compliance;

    ObligationApi(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @Operation(
            operationId = "listObligations",
            summary = "List obligations across incidents by the state of their stages (coordinator, privacy officer)",
            description = "`state` is `overdue` (a stage past its due instant without a submission), `due-soon` (a "
                    + "stage past its first warning) or `open` (any required stage); earliest due first.")
    @GetMapping
    List<ObligationEntry> list(@RequestParam(defaultValue = "overdue") String state) {
        return compliance.obligations(state).orRefuse();
    }

    @Operation(
            operationId = "listRebaseCandidates",
            summary = "List the open obligations that count by another regime version than the one in force (admin)")
    @GetMapping("/rebase-candidates")
    List<ObligationView> candidates() {
        return compliance.rebaseCandidates().orRefuse();
    }

    @Operation(
            operationId = "previewRebase",
            summary =
                    "Show each stage's due instant under the obligation's regime version and the one in force (admin)")
    @GetMapping("/{obligation}/rebase")
    RebasePreview preview(@PathVariable UUID obligation) {
        return compliance.rebasePreview(obligation).orRefuse();
    }

    @Operation(
            operationId = "rebaseObligation",
            summary = "Re-base an open obligation on the regime version in force (admin)",
            description = "Needs the version of the obligation the admin saw in the preview (409 when it changed).")
    @PostMapping("/{obligation}/rebase")
    ObligationView rebase(@PathVariable UUID obligation, @Valid @RequestBody Rebase rebase) {
        return compliance.rebase(obligation, rebase.version()).orRefuse();
    }
}
