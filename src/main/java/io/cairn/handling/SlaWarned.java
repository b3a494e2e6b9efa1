package io.cairn.handling;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;

/**
 * An SLA clock of an incident used up the warning share of its target; the owner is told.
 *
 * @param dueAt when the target is due
 * @param warningPercent the share of the target used when the warning went out
 * @param recipients the users told: the owner, or the coordinators when nobody owns the incident
 */
public record SlaWarned(
        IncidentId incident,
        String reference,
        String title,
        SlaClockKind kind,
        ActorRef actor,
        Instant at,
        Instant dueAt,
        int warningPercent,
        List<UserId> recipients)
        implements SlaClockEvent {

    public SlaWarned {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String action() {
        return "sla.warned";
    }
}
