package io.cairn.incidents;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a handler decides about a new report in the queue.
 *
 * @param decision accept it as an incident (it moves on to analysis), dismiss it with a reason the reporter reads,
 *     or merge it into an existing incident
 * @param reason the reason of a dismissal
 * @param target the incident to merge into
 * @param detectionSource who or what detected it, when the report did not say or said it wrongly; accepting needs
 *     it known
 * @param detectedBy the tool or party that detected it
 */
public record TriageDecision(
        @NotNull Decision decision,
        @Nullable @Size(max = 5_000) String reason,
        @Nullable IncidentId target,
        @Nullable DetectionSource detectionSource,
        @Nullable @Size(max = 120) String detectedBy,
        @NotNull @PositiveOrZero Long version) {

    /** A decision that leaves how the incident was detected as the report said. */
    public TriageDecision(Decision decision, @Nullable String reason, @Nullable IncidentId target, Long version) {
        this(decision, reason, target, null, null, version);
    }

    /** The three ways a report leaves the queue. */
    public enum Decision {
        ACCEPT,
        DISMISS,
        MERGE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Decision fromCode(String code) {
            return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
