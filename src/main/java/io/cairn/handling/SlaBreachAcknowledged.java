package io.cairn.handling;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;

/** Someone took on the SLA breaches of an incident: their escalation stops. */
public record SlaBreachAcknowledged(IncidentId incident, List<SlaClockKind> kinds, ActorRef actor, Instant at)
        implements AuditedAsNewState {

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
}
