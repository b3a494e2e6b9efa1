package io.cairn.intake;

import io.cairn.incidents.PriorityMatrix;
import io.cairn.incidents.Severity;

/**
 * The impact and urgency a machine's report gets from its severity, as the priority matrix labels them: critical is
 * the highest impact and urgency, high the highest impact, medium the defaults, low the lowest of both.
 */
record SeverityLevels(String impact, String urgency) {

    static SeverityLevels of(PriorityMatrix matrix, Severity severity) {
        int impact = switch (severity) {
            case CRITICAL, HIGH -> 1;
            case MEDIUM -> matrix.defaultImpact();
            case LOW -> matrix.impacts().size();
        };
        int urgency = switch (severity) {
            case CRITICAL -> 1;
            case HIGH, MEDIUM -> matrix.defaultUrgency();
            case LOW -> matrix.urgencies().size();
        };
        return new SeverityLevels(matrix.impactLabel(impact), matrix.urgencyLabel(urgency));
    }
}
