package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The times an incident occurred and was detected were recorded anew.
 */
public record IncidentTimesRecorded(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        @Nullable Instant occurredAt,
        @Nullable Instant detectedAt,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "times-recorded";

    @Override
    public String verb() {
        return VERB;
    }
}
