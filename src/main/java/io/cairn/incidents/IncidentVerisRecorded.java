package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * The incident was described anew in VERIS A4 terms; an empty description removed the one before.
 *
 * @param description the whole description after the change
 */
public record IncidentVerisRecorded(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        VerisDescription description,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "veris-recorded";

    @Override
    public String verb() {
        return VERB;
    }
}
