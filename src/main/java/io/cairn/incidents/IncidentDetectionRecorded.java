package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Who or what detected an incident was recorded: a system, a person inside the organisation, or someone outside. */
public record IncidentDetectionRecorded(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        DetectionSource source,
        @Nullable String detectedBy,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "detection-recorded";

    @Override
    public String verb() {
        return VERB;
    }
}
