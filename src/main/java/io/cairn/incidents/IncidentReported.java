package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A new incident was reported; carries what routing decides by.
 *
 * @param team the team it was stored with: the one the reporter or the intake channel chose, or the one routing gave
 * @param asset the registered device it concerns, if named
 * @param template the key of the report template it came through, if any
 */
public record IncidentReported(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        int priorityLevel,
        Category category,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        @Nullable DeviceId asset,
        @Nullable String template,
        String digestAfter)
        implements IncidentEvent {

    /** The verb of a report, as the audit trail and the timeline name it. */
    public static final String VERB = "reported";

    @Override
    public String verb() {
        return VERB;
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(digestAfter);
    }
}
