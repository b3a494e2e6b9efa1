package io.cairn.notification;

import io.cairn.handling.SlaBreached;
import io.cairn.handling.SlaClockKind;
import io.cairn.handling.SlaEscalated;
import io.cairn.handling.SlaWarned;
import io.cairn.identity.UserId;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about SLA warnings, breaches and escalations: a message in their in-app inbox and, when mail is
 * configured and they have an address, a mail in their language through the outbox; both in the transaction that
 * recorded the event, so that what was recorded is told exactly once per person.
 */
@Component
class SlaNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;
    private final Clock clock;

    SlaNotifications(InboxAndMail people, UsersForSystem users, Clock clock) {
        this.people = people;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void warned(SlaWarned warned) {
        Map<String, Object> parameters = parameters(warned.reference(), warned.title(), warned.kind());
        parameters.put("dueAt", NoticeTimes.utc(warned.dueAt()));
        parameters.put("percent", warned.warningPercent() + "%");
        tell(
                warned.recipients(),
                "sla-warning",
                key("warning", warned.incident(), warned.kind(), warned.at()),
                parameters,
                warned.incident());
    }

    @EventListener
    void breached(SlaBreached breached) {
        Map<String, Object> parameters = parameters(breached.reference(), breached.title(), breached.kind());
        parameters.put("dueAt", NoticeTimes.utc(breached.dueAt()));
        parameters.put("level", breached.escalationLevel());
        tell(
                breached.recipients(),
                "sla-breach",
                key("breach", breached.incident(), breached.kind(), breached.at()),
                parameters,
                breached.incident());
    }

    @EventListener
    void escalated(SlaEscalated escalated) {
        Map<String, Object> parameters = parameters(escalated.reference(), escalated.title(), escalated.kind());
        parameters.put("level", escalated.level());
        tell(
                escalated.recipients(),
                "sla-escalation",
                key("escalation", escalated.incident(), escalated.kind(), escalated.at()),
                parameters,
                escalated.incident());
    }

    private static Map<String, Object> parameters(String reference, String title, SlaClockKind kind) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", reference);
        parameters.put("title", title);
        parameters.put("kind", kind.code());
        return parameters;
    }

    private static String key(String what, IncidentId incident, SlaClockKind kind, Instant at) {
        return "sla-" + what + ":" + incident + ":" + kind.code() + ":" + at;
    }

    private void tell(
            List<UserId> recipients, String template, String key, Map<String, Object> parameters, IncidentId incident) {
        people.tell(
                users.users(recipients), key, template, parameters, "/incidents/" + incident, "en", clock.instant());
    }
}
