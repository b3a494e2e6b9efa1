package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident was merged into another one, its duplicate, and closed.
 *
 * @param into the incident it was merged into
 */
public record IncidentMerged(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        IncidentId into,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "merged";

    @Override
    public String verb() {
        return VERB;
    }
}
