package io.cairn.handling.sla;

import io.cairn.handling.SlaBreachAcknowledged;
import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The SLA clocks of an incident as its readers see them (response first, with where each stands), and acknowledging
 * its breaches, which stops their escalation: for the owner, coordinators and anyone a breach or escalation notified.
 * The caller has checked that the user may read clocks ({@link SlaAccess}); the incident is read with its own checks.
 */
@Service
class IncidentClocks {

    private final SlaClocks clocks;
    private final SlaCalendars calendars;
    private final EscalationLevels levels;
    private final IncidentManagement incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentClocks(
            SlaClocks clocks,
            SlaCalendars calendars,
            EscalationLevels levels,
            IncidentManagement incidents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.levels = levels;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** The clocks of an incident the user may see; empty when no policy covers its priority. */
    Outcome<List<SlaClockView>> of(IncidentId id) {
        return incidents
                .incident(id)
                .<Outcome<List<SlaClockView>>>map(incident -> Outcome.done(viewsOf(incident)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("incident " + id)));
    }

    Outcome<List<SlaClockView>> acknowledgeBreaches(Actor actor, IncidentId id) {
        Optional<IncidentView> incident = incidents.incident(id);
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        List<SlaClock> locked = clocks.lock(id).stream()
                .filter(c -> c.breach().breachedAt() != null && c.breach().acknowledgedAt() == null)
                .toList();
        if (locked.isEmpty()) {
            return refusedUnread(Refusal.conflict(SlaRefusals.NO_BREACH_TO_ACKNOWLEDGE));
        }
        boolean mayAcknowledge = actor.has(Role.COORDINATOR)
                || actor.id().equals(incident.get().owner())
                || locked.stream().anyMatch(c -> c.breach().notified().contains(actor.id()));
        if (!mayAcknowledge) {
            return refusedUnread(Refusal.forbidden(SlaRefusals.MAY_NOT_ACKNOWLEDGE));
        }
        Instant now = clock.instant();
        for (SlaClock breached : locked) {
            breached.acknowledge(now, actor.username());
            clocks.update(breached);
        }
        events.publishEvent(new SlaBreachAcknowledged(
                id, locked.stream().map(SlaClock::kind).toList(), actor.ref(), now));
        return Outcome.done(viewsOf(incident.get()));
    }

    /**
     * A refusal that leaves no trace: the transaction rolls back, and with it the audited read of a confidential
     * incident that the refused caller never got to see.
     */
    private static <T> Outcome<T> refusedUnread(Refusal refusal) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return Outcome.refused(refusal);
    }

    private List<SlaClockView> viewsOf(IncidentView incident) {
        Instant now = clock.instant();
        PriorityMatrix matrix = incidents.priorityMatrix();
        return clocks.of(incident.id()).stream().map(c -> view(c, now, matrix)).toList();
    }

    private SlaClockView view(SlaClock c, Instant now, PriorityMatrix matrix) {
        BusinessCalendar calendar = calendars.calendarOf(c.calendar());
        String calendarName = c.calendar() == null
                ? null
                : calendars
                        .find(c.calendar())
                        .map(stored -> ShippedCalendar.shown(stored.view()).name())
                        .orElse(null);
        String level = c.breach().escalationLevel() == null
                ? null
                : levels.find(c.breach().escalationLevel())
                        .map(EscalationLevels.Level::name)
                        .orElse(null);
        return new SlaClockView(
                c.kind(),
                c.state().name().toLowerCase(Locale.ROOT),
                standing(c, now),
                matrix.priorityLabel(c.priorityLevel()),
                c.target().toString(),
                c.consumed(now, calendar).withNanos(0).toString(),
                c.remaining(now, calendar).withNanos(0).toString(),
                calendarName,
                c.startedAt(),
                c.dueAt(),
                c.warnAt(),
                c.warnedAt(),
                c.breach().breachedAt(),
                c.metAt(),
                level,
                c.breach().escalations(),
                c.breach().acknowledgedAt(),
                c.breach().acknowledgedBy());
    }

    private static String standing(SlaClock c, Instant now) {
        if (c.state() == SlaClock.State.MET) {
            return "met";
        }
        if (c.breach().breachedAt() != null || c.dueAt() != null && !c.dueAt().isAfter(now)) {
            return "breached";
        }
        if (c.state() == SlaClock.State.PAUSED) {
            return "paused";
        }
        if (c.warnedAt() != null || c.warnAt() != null && !c.warnAt().isAfter(now)) {
            return "warning";
        }
        return "on-track";
    }
}
