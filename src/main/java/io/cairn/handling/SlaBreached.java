package io.cairn.handling;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SLA clock of an incident passed its target; the owner and the coordinators are told.
 *
 * @param dueAt when the target was due
 * @param escalationLevel the level the breach escalates to when nobody acknowledges it in time
 * @param recipients the users told
 */
public record SlaBreached(
        IncidentId incident,
        String reference,
        String title,
        SlaClockKind kind,
        ActorRef actor,
        Instant at,
        Instant dueAt,
        @Nullable String escalationLevel,
        List<UserId> recipients)
        implements SlaClockEvent {

    public SlaBreached {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String action() {
        return "sla.breached";
    }
}
