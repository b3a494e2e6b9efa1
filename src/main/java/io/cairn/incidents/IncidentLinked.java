package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident was linked to another one.
 *
 * @param target the other incident
 * @param kind how this incident relates to the target
 */
public record IncidentLinked(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        IncidentId target,
        LinkKind kind,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "linked";

    @Override
    public String verb() {
        return VERB;
    }
}
