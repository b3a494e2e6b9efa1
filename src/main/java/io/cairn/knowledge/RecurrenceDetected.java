package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** Recurrence detection flagged an incident as recurring, or changed why it recurs. */
public record RecurrenceDetected(
        IncidentId incident, ActorRef actor, Instant at, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** How the audit trail names recurrence detection, which acts without a user. */
    public static final ActorRef DETECTION = new ActorRef("recurrence-detection", "recurrence detection");

    @Override
    public String action() {
        return "incident.recurrence-detected";
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
