package io.cairn.handling;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Nobody acknowledged an SLA breach in time, so it went to the next escalation level, whose people are told.
 *
 * @param level the name of the level it escalated to
 * @param recipients the users of that level who were told
 */
public record SlaEscalated(IncidentId incident, String reference, String title, SlaClockKind kind, ActorRef actor,
        Instant at, String level, List<UserId> recipients) implements AuditableEvent {

    public SlaEscalated {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String action() {
        return "sla.escalated";
    }

    @Override
    public String objectType() {
        return "sla-clock";
    }

    @Override
    public String objectId() {
        return incident + "/" + kind.code();
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
