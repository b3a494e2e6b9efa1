package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident's impact and urgency were judged anew, and with them its priority.
 *
 * @param priorityLevel the priority after the change, by which its SLA clocks are measured
 */
public record IncidentReprioritised(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        int impact,
        int urgency,
        int priorityLevel,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "reprioritised";

    @Override
    public String verb() {
        return VERB;
    }
}
