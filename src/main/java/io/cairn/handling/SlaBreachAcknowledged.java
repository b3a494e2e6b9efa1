package io.cairn.handling;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Someone took on the SLA breaches of an incident: their escalation stops. */
public record SlaBreachAcknowledged(IncidentId incident, List<SlaClockKind> kinds, ActorRef actor, Instant at)
        implements AuditableEvent {

    public SlaBreachAcknowledged {
        kinds = List.copyOf(kinds);
    }

    @Override
    public String action() {
        return "sla.breach-acknowledged";
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
        return Optional.of(io.cairn.shared.ContentDigest.of(toString()).hex());
    }
}
