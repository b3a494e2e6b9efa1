package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * An incident's category, severity or determination changed.
 */
public record IncidentRecategorised(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        Category category,
        Severity severity,
        Determination determination,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "recategorised";

    @Override
    public String verb() {
        return VERB;
    }
}
