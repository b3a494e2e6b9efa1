package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
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
public record IncidentReported(IncidentId incident, ActorRef actor, Instant at, int priorityLevel, Category category,
        @Nullable TeamId team, @Nullable BusinessUnitId businessUnit, @Nullable DeviceId asset,
        @Nullable String template, String digestAfter) implements AuditableEvent {

    @Override
    public String action() {
        return "incident.reported";
    }

    @Override
    public String objectType() {
        return "incident";
    }

    @Override
    public String objectId() {
        return incident.toString();
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
