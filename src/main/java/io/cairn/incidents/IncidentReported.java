package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A new incident was reported. */
public record IncidentReported(IncidentId incident, ActorRef actor, Instant at, int priorityLevel, Category category,
        String digestAfter) implements AuditableEvent {

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
