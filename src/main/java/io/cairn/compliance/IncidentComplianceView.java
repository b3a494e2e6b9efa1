package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incident's compliance as the user may see it: its regime facts and decision records with their histories.
 *
 * @param mayRecord whether the user may record facts and decisions
 * @param detectedAt when the incident was detected; none when not recorded
 * @param shortInvestigation GDPR's "short investigation": from detection to awareness of the breach; none until both
 *     are known
 * @param damageLikely the personal-data breach involves special-category or criminal data, so damage should be
 *     considered likely (GDPR-3)
 * @param recordableFacts the facts a user may record, {@code regime.trigger}
 * @param obligations the obligations derived from the facts and decisions for the incident's legal entity
 * @param legalEntity the legal entity the incident concerns; none when it cannot be told
 * @param legalEntitySource how the legal entity was found, or why none was ({@code business-unit},
 *     {@code only-entity}, {@code no-business-unit}, {@code unit-without-entity}, {@code no-entity})
 */
public record IncidentComplianceView(
        IncidentId incident,
        boolean mayRecord,
        @Nullable Instant detectedAt,
        @Nullable Duration shortInvestigation,
        List<RegimeFactView> facts,
        List<DecisionView> decisions,
        boolean damageLikely,
        List<String> recordableFacts,
        List<ObligationView> obligations,
        @Nullable String legalEntity,
        String legalEntitySource) {

    public IncidentComplianceView {
        facts = List.copyOf(facts);
        decisions = List.copyOf(decisions);
        recordableFacts = List.copyOf(recordableFacts);
        obligations = List.copyOf(obligations);
    }
}
