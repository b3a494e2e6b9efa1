package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * Someone, or an intake channel, added a note to an incident's timeline.
 *
 * @param entry the note's timeline entry
 */
public record IncidentNoted(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        long entry,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "noted";

    @Override
    public String verb() {
        return VERB;
    }
}
