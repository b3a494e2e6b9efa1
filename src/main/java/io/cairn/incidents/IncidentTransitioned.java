package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident moved from one status to another, such as from triage into analysis, or was reopened.
 *
 * @param from the status it left
 * @param to the status it entered, which is its {@link #status()} after the change
 */
public record IncidentTransitioned(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status from,
        Status to,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "transitioned";

    @Override
    public Status status() {
        return to;
    }

    @Override
    public String verb() {
        return VERB;
    }
}
