package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's regime facts and decision records: staff who see the incident read them; coordinators, privacy
 * officers and handlers who may handle it record them. A change is a new version; the history stays.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}/compliance")
@Tag(
        name = "Incident compliance",
        description = "Regime facts (an instant per regime trigger, such as GDPR awareness or DORA's classification "
                + "as major) and decision records (personal-data breach, GDPR risk, NIS2 significant, DORA major, SEC "
                + "material, HIPAA 4-factor) of an incident, each with its full history.")
class IncidentComplianceApi {

    /**
     * A fact's new instant with the version the caller read (0 for a first).
     *
     * @param at the instant the fact holds from; not in the future
     * @param justification why the fact holds at that instant (mandatory)
     */
    record FactChange(
            @Nullable Instant at,
            @Nullable String justification,
            @NotNull Long version) {}

    /**
     * A decision with the version of the record the caller read (0 for a first decision).
     *
     * @param result the answer, for the kinds the decider chooses (personal-data-breach: yes, no, unknown; gdpr-risk:
     *     unlikely, risk, high-risk; sec-material: material, not-material, undetermined); computed for the others
     * @param inputs the decision's inputs by name (see the page's form); amounts as {@code {value, estimate, basis}}
     */
    record DecisionChange(
            @Nullable String result,
            @Nullable String rationale,
            @Nullable String overrideReason,
            @Nullable Instant establishedAt,
            @Nullable Map<String, Object> inputs,
            @NotNull Long version) {

        DecisionRequest request() {
            return new DecisionRequest(result, rationale, overrideReason, establishedAt, inputs, version);
        }
    }

    private final ComplianceManagement compliance;

    IncidentComplianceApi(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @Operation(
            operationId = "getIncidentCompliance",
            summary = "Read an incident's regime facts and decision records (staff who see the incident)")
    @GetMapping
    IncidentComplianceView all(@PathVariable IncidentId id) {
        return compliance.incidentCompliance(id).orRefuse();
    }

    @Operation(operationId = "getRegimeFact", summary = "Read one regime fact of an incident with its history")
    @GetMapping("/facts/{fact}")
    RegimeFactView fact(@PathVariable IncidentId id, @PathVariable String fact) {
        return compliance.regimeFact(id, fact).orRefuse();
    }

    @Operation(
            operationId = "recordRegimeFact",
            summary = "Set or change a regime fact of an incident",
            description = "`fact` is `regime.trigger`, such as `gdpr.awareness`, `dora.dora-major` or "
                    + "`sec-8k.materiality-determined`. Needs the version the caller read (0 for a first; 409 when "
                    + "someone changed it first).")
    @PutMapping("/facts/{fact}")
    RegimeFactView recordFact(
            @PathVariable IncidentId id, @PathVariable String fact, @Valid @RequestBody FactChange change) {
        return compliance
                .recordFact(id, fact, change.at(), change.justification(), change.version())
                .orRefuse();
    }

    @Operation(operationId = "getDecision", summary = "Read one decision record of an incident with its history")
    @GetMapping("/decisions/{kind}")
    DecisionView decision(@PathVariable IncidentId id, @PathVariable String kind) {
        return compliance.decision(id, kind).orRefuse();
    }

    @Operation(
            operationId = "recordDecision",
            summary = "Record a decision about an incident, or re-assess it",
            description = "`kind` is personal-data-breach, gdpr-risk, nis2-significant, dora-major, sec-material or "
                    + "hipaa-breach. The rationale is mandatory. Needs the version the caller read (0 for a first; "
                    + "409 when someone changed it first). Every field at fault is named.")
    @PutMapping("/decisions/{kind}")
    DecisionView recordDecision(
            @PathVariable IncidentId id, @PathVariable String kind, @Valid @RequestBody DecisionChange change) {
        return compliance.recordDecision(id, kind, change.request()).orRefuse();
    }
}
