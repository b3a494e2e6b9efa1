package io.cairn.compliance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a decision's rules know besides its inputs: the incident's other decisions and facts and its legal entity.
 *
 * @param specialOrCriminalData the personal-data-breach decision in force involves special-category or criminal data
 * @param annualTurnoverEur the turnover of the legal entity's previous financial year; none when not known
 * @param discoveredAt when the incident was detected; none when not recorded
 * @param materialityDeterminedAt when the registrant determined materiality (SEC); none when not recorded
 * @param gdprRisk the result of the GDPR risk decision in force; none when not assessed
 * @param subjectsTold the people of a GDPR breach were told, or their notice started sending
 */
public record DecisionContext(
        boolean specialOrCriminalData,
        @Nullable Long annualTurnoverEur,
        @Nullable Instant discoveredAt,
        @Nullable Instant materialityDeterminedAt,
        @Nullable String gdprRisk,
        boolean subjectsTold) {

    /** Nothing known besides the inputs. */
    static DecisionContext none() {
        return new DecisionContext(false, null, null, null, null, false);
    }
}
