package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident's title or description was rewritten.
 */
public record IncidentDescribed(
        IncidentId incident, ActorRef actor, Instant at, Status status, String digestBefore, String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "described";

    @Override
    public String verb() {
        return VERB;
    }
}
