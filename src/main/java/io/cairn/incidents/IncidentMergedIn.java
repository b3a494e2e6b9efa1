package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * Another incident was merged into this one: its timeline was copied here.
 *
 * @param duplicate the incident that was merged into this one
 */
public record IncidentMergedIn(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        IncidentId duplicate,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "merged-in";

    @Override
    public String verb() {
        return VERB;
    }
}
