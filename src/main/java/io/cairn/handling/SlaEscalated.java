package io.cairn.handling;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;

/**
 * Nobody acknowledged an SLA breach in time, so it went to the next escalation level, whose people are told.
 *
 * @param level the name of the level it escalated to
 * @param recipients the users of that level who were told
 */
public record SlaEscalated(
        IncidentId incident,
        String reference,
        String title,
        SlaClockKind kind,
        ActorRef actor,
        Instant at,
        String level,
        List<UserId> recipients)
        implements SlaClockEvent {

    public SlaEscalated {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String action() {
        return "sla.escalated";
    }
}
