package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** Someone read a confidential incident; every such read is in the audit trail. */
public record ConfidentialIncidentViewed(IncidentId incident, ActorRef actor, Instant at, String what)
        implements AuditableEvent {

    @Override
    public String action() {
        return "incident.viewed-confidential-" + what;
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
        return Optional.empty();
    }
}
