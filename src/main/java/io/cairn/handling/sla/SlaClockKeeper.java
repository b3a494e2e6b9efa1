package io.cairn.handling.sla;

import io.cairn.handling.SlaClockKind;
import io.cairn.incidents.IncidentChanged;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentNoted;
import io.cairn.incidents.IncidentReported;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Status;
import io.cairn.incidents.system.IncidentsForSystem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each incident's SLA clocks in step with the incident, in the transaction of the change: starts them when it
 * is reported, pauses and resumes them as its status enters and leaves a pausing status, stops them when they are
 * met, and measures them against another target when it is reprioritised.
 *
 * <p>The response is met once the incident is acknowledged (it left {@code new} or was assigned) or ended; the
 * resolution is met once recovery is done: the incident reached {@code review}, {@code closed} or {@code dismissed}.
 * Reopening a closed incident lets the resolution clock run again.
 */
@Component
class SlaClockKeeper {

    private final IncidentsForSystem incidents;
    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final SlaCalendars calendars;

    SlaClockKeeper(IncidentsForSystem incidents, SlaClocks clocks, SlaPolicies policies, SlaCalendars calendars) {
        this.incidents = incidents;
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * Starts the clocks of a new incident from what the report says (a new incident is in status {@code new} and
     * reported at the event's time), with the policies and calendars read in the last few seconds and both clocks
     * written in one statement: this runs for every reported incident.
     */
    @EventListener
    void reported(IncidentReported reported) {
        Optional<SlaPolicy> policy = policies.recent(reported.priorityLevel());
        if (policy.isEmpty()) {
            return;
        }
        BusinessCalendar calendar = calendars.recentCalendarOf(policy.get().calendar());
        List<SlaClock> started = new java.util.ArrayList<>();
        for (SlaClockKind kind : SlaClockKind.values()) {
            SlaClock clock = SlaClock.start(
                    reported.incident(),
                    kind,
                    reported.priorityLevel(),
                    policy.get().target(kind),
                    calendar,
                    reported.at());
            if (policy.get().pausesIn(Status.NEW)) {
                clock.pause(reported.at(), calendar);
            }
            started.add(clock);
        }
        clocks.insert(started);
    }

    /**
     * Brings the clocks in step after a change; a note changes nothing they follow (status, priority, assignment), so
     * it is passed over without loading the incident: providers' updates arrive as notes, many a second.
     */
    @EventListener
    void changed(IncidentChanged changed) {
        if (changed instanceof IncidentNoted) {
            return;
        }
        incidents.incident(changed.incident()).ifPresent(incident -> keep(incident, changed.at()));
    }

    /** Brings the clocks of the incident in step with it, as of {@code now}. */
    void keep(IncidentView incident, Instant now) {
        List<SlaClock> existing = clocks.lock(incident.id());
        if (existing.isEmpty()) {
            start(incident, now);
            return;
        }
        for (SlaClock clock : existing) {
            if (clock.priorityLevel() != incident.priorityLevel()) {
                BusinessCalendar before = calendars.calendarOf(clock.calendar());
                policies.find(incident.priorityLevel())
                        .ifPresent(policy -> clock.retarget(
                                incident.priorityLevel(),
                                policy.target(clock.kind()),
                                before,
                                calendars.calendarOf(policy.calendar()),
                                now));
            }
            follow(clock, incident, policies.find(clock.priorityLevel()), now);
            clocks.update(clock);
        }
    }

    /** Measures the open clocks of a priority level against its changed policy. */
    void apply(SlaPolicy policy, Instant now) {
        for (IncidentId id : clocks.incidentsWithOpenClocks(policy.priorityLevel())) {
            for (SlaClock clock : clocks.lock(id)) {
                if (clock.priorityLevel() != policy.priorityLevel() || clock.state() == SlaClock.State.MET) {
                    continue;
                }
                clock.retarget(
                        policy.priorityLevel(),
                        policy.target(clock.kind()),
                        calendars.calendarOf(clock.calendar()),
                        calendars.calendarOf(policy.calendar()),
                        now);
                clocks.update(clock);
            }
        }
    }

    /**
     * Measures the open clocks that count on a changed calendar anew: the working time they used up to now is
     * counted on the calendar as it was, and what is left on the calendar as it is.
     */
    void applyCalendarChange(SlaCalendarId calendar, BusinessCalendar before, Instant now) {
        BusinessCalendar after = calendars.calendarOf(calendar);
        for (SlaPolicy policy : policies.all()) {
            if (!calendar.equals(policy.calendar())) {
                continue;
            }
            for (IncidentId id : clocks.incidentsWithOpenClocks(policy.priorityLevel())) {
                for (SlaClock clock : clocks.lock(id)) {
                    if (clock.state() == SlaClock.State.MET || !calendar.equals(clock.calendar())) {
                        continue;
                    }
                    clock.retarget(clock.priorityLevel(), policy.target(clock.kind()), before, after, now);
                    clocks.update(clock);
                }
            }
        }
    }

    private void start(IncidentView incident, Instant now) {
        if (!incident.status().isOpen()) {
            return;
        }
        Optional<SlaPolicy> policy = policies.find(incident.priorityLevel());
        if (policy.isEmpty()) {
            return;
        }
        BusinessCalendar calendar = calendars.calendarOf(policy.get().calendar());
        for (SlaClockKind kind : SlaClockKind.values()) {
            SlaClock clock = SlaClock.start(
                    incident.id(),
                    kind,
                    incident.priorityLevel(),
                    policy.get().target(kind),
                    calendar,
                    incident.reportedAt());
            follow(clock, incident, policy, now);
            clocks.insert(clock);
        }
    }

    private void follow(SlaClock clock, IncidentView incident, Optional<SlaPolicy> policy, Instant now) {
        BusinessCalendar calendar = calendars.calendarOf(clock.calendar());
        if (isMet(clock.kind(), incident)) {
            clock.meet(now, calendar);
            return;
        }
        clock.reopen(now, calendar);
        if (policy.isPresent() && policy.get().pausesIn(incident.status())) {
            clock.pause(now, calendar);
        } else {
            clock.resume(now, calendar);
        }
    }

    static boolean isMet(SlaClockKind kind, IncidentView incident) {
        if (kind == SlaClockKind.RESPONSE) {
            return incident.acknowledgedAt() != null || incident.status().isFinal();
        }
        return incident.status() == Status.REVIEW || incident.status().isFinal();
    }
}
