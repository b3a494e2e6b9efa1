package io.cairn.compliance;

import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A decision record of an incident as it stands (its latest version) with its re-assessments, newest first.
 *
 * @param kind what was decided: {@code personal-data-breach}, {@code gdpr-risk}, {@code nis2-significant},
 *     {@code dora-major}, {@code sec-material} or {@code hipaa-breach}
 * @param version the latest version; a re-assessment names it
 * @param history every version, the latest first
 */
public record DecisionView(String kind, long version, Version current, List<Version> history) {

    public DecisionView {
        history = List.copyOf(history);
    }

    /**
     * One version of a decision record.
     *
     * @param inputs what the decider entered, by input name
     * @param criteria the criteria evaluated on the inputs, met or not
     * @param result the answer
     * @param overrideReason why the decider chose against what the rules say should be considered likely; none else
     * @param establishedAt when the facts the decision rests on were established (GDPR-11)
     */
    public record Version(
            long version,
            Map<String, Object> inputs,
            List<Criterion> criteria,
            String result,
            String rationale,
            @Nullable String overrideReason,
            Instant establishedAt,
            UserId decidedBy,
            String decidedByName,
            Instant decidedAt) {

        public Version {
            inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
            criteria = List.copyOf(criteria);
        }
    }

    static DecisionView of(DecisionKind kind, List<Version> newestFirst) {
        return new DecisionView(kind.code(), newestFirst.get(0).version(), newestFirst.get(0), newestFirst);
    }
}
