package io.cairn.notification;

import io.cairn.handling.SlaBreached;
import io.cairn.handling.SlaClockKind;
import io.cairn.handling.SlaEscalated;
import io.cairn.handling.SlaWarned;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about SLA warnings, breaches and escalations: a message in their in-app inbox and, when mail is
 * configured and they have an address, a mail through the outbox; both in the transaction that recorded the event,
 * so that what was recorded is told exactly once per person.
 */
@Component
class SlaNotifications {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Inbox inbox;
    private final Outbox outbox;
    private final MailChannel mail;
    private final IdentityManagement identity;
    private final String baseUrl;
    private final Clock clock;

    SlaNotifications(Inbox inbox, Outbox outbox, MailChannel mail, IdentityManagement identity,
            @Value("${cairn.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.mail = mail;
        this.identity = identity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    @EventListener
    void warned(SlaWarned warned) {
        Map<String, Object> parameters = parameters(warned.incident(), warned.reference(), warned.title(),
                warned.kind());
        parameters.put("dueAt", UTC.format(warned.dueAt()));
        parameters.put("percent", warned.warningPercent() + "%");
        tell(warned.recipients(), "sla-warning", key("warning", warned.incident(), warned.kind(), warned.at()),
                parameters, warned.incident());
    }

    @EventListener
    void breached(SlaBreached breached) {
        Map<String, Object> parameters = parameters(breached.incident(), breached.reference(), breached.title(),
                breached.kind());
        parameters.put("dueAt", UTC.format(breached.dueAt()));
        parameters.put("level", breached.escalationLevel());
        tell(breached.recipients(), "sla-breach", key("breach", breached.incident(), breached.kind(), breached.at()),
                parameters, breached.incident());
    }

    @EventListener
    void escalated(SlaEscalated escalated) {
        Map<String, Object> parameters = parameters(escalated.incident(), escalated.reference(), escalated.title(),
                escalated.kind());
        parameters.put("level", escalated.level());
        tell(escalated.recipients(), "sla-escalation", key("escalation", escalated.incident(), escalated.kind(),
                escalated.at()), parameters, escalated.incident());
    }

    private Map<String, Object> parameters(IncidentId incident, String reference, String title, SlaClockKind kind) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", reference);
        parameters.put("title", title);
        parameters.put("kind", kind.code());
        parameters.put("link", baseUrl + "/incidents/" + incident);
        return parameters;
    }

    private static String key(String what, IncidentId incident, SlaClockKind kind, Instant at) {
        return "sla-" + what + ":" + incident + ":" + kind.code() + ":" + at;
    }

    private void tell(List<UserId> recipients, String template, String key, Map<String, Object> parameters,
            IncidentId incident) {
        Instant now = clock.instant();
        for (UserView user : identity.usersForSystem(recipients)) {
            if (!user.enabled()) {
                continue;
            }
            inbox.deliver(user.id(), key, template, parameters, "/incidents/" + incident, now);
            if (mail.isConfigured() && user.email() != null && !user.email().isBlank()) {
                outbox.enqueue(new Outbox.Queued(key + ":" + user.id(), mail.name(), user.email(), template, "en",
                        parameters, Map.of()), now);
            }
        }
    }
}
