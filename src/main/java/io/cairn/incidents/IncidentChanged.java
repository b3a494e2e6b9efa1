package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident changed through one of its verbs.
 *
 * @param verb the verb, for example {@code assigned}, {@code transitioned}, {@code noted}
 * @param status the status after the change
 */
public record IncidentChanged(IncidentId incident, ActorRef actor, Instant at, String verb, Status status,
        String digestBefore, String digestAfter) implements AuditableEvent {

    @Override
    public String action() {
        return "incident." + verb;
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
        return Optional.of(digestBefore);
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(digestAfter);
    }
}
