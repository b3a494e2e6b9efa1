package io.cairn.handling.sla;

import io.cairn.handling.SlaConfigurationChanged.Subject;
import io.cairn.handling.SlaConfigurationChanged.Verb;
import io.cairn.identity.Actor;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading and editing business-hour calendars. A changed calendar measures the open clocks that count on it anew at
 * once; a calendar that a policy counts on cannot be removed. The caller has checked the rights ({@link SlaAccess}).
 */
@Service
class CalendarEditing {

    private final SlaCalendars calendars;
    private final SlaPolicies policies;
    private final SlaClockKeeper keeper;
    private final SlaConfigurationLog log;
    private final Clock clock;

    CalendarEditing(
            SlaCalendars calendars, SlaPolicies policies, SlaClockKeeper keeper, SlaConfigurationLog log, Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.keeper = keeper;
        this.log = log;
        this.clock = clock;
    }

    /** The calendars by name; the shipped one named in the reader's language while nobody renamed it. */
    List<SlaCalendarView> all() {
        return calendars.all().stream()
                .map(SlaCalendars.Stored::view)
                .map(ShippedCalendar::shown)
                .toList();
    }

    Outcome<SlaCalendarView> calendar(SlaCalendarId id) {
        return calendars
                .find(id)
                .map(SlaCalendars.Stored::view)
                .map(ShippedCalendar::shown)
                .<Outcome<SlaCalendarView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("calendar " + id)));
    }

    Outcome<SlaCalendarView> create(Actor actor, CalendarDefinition definition) {
        return definition.parse().flatMap(parsed -> {
            if (calendars.findByName(parsed.name()).isPresent()) {
                return Outcome.refused(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN));
            }
            SlaCalendarId id = SlaCalendarId.random();
            calendars.insert(id, parsed, clock.instant());
            SlaCalendarView view = calendars.find(id).orElseThrow().view();
            log.configured(Verb.CREATED, Subject.SLA_CALENDAR, id.toString(), actor, null, view);
            return Outcome.done(view);
        });
    }

    /** The submitted calendar as it would be stored: the shipped name shown in the reader's language stays. */
    CalendarDefinition asStored(SlaCalendarId id, CalendarDefinition submitted) {
        return calendars
                .find(id)
                .map(stored ->
                        ShippedCalendar.asStored(id, submitted, stored.view().name()))
                .orElse(submitted);
    }

    Outcome<SlaCalendarView> change(Actor actor, SlaCalendarId id, CalendarDefinition definition) {
        return definition.parse().flatMap(parsed -> {
            Optional<SlaCalendars.Stored> stored = calendars.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("calendar " + id));
            }
            if (calendars
                    .findByName(parsed.name())
                    .filter(other -> !other.equals(id))
                    .isPresent()) {
                return Outcome.refused(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN));
            }
            long version = definition.version() == null ? stored.get().view().version() : definition.version();
            Instant now = clock.instant();
            if (!calendars.replace(id, parsed, version, now)) {
                return Outcome.refused(
                        Refusal.stale(version, stored.get().view().version()));
            }
            keeper.applyCalendarChange(id, stored.get().calendar(), now);
            SlaCalendarView view = calendars.find(id).orElseThrow().view();
            log.configured(
                    Verb.CHANGED,
                    Subject.SLA_CALENDAR,
                    id.toString(),
                    actor,
                    stored.get().view(),
                    view);
            return Outcome.done(view);
        });
    }

    Outcome<SlaCalendarView> remove(Actor actor, SlaCalendarId id) {
        Optional<SlaCalendars.Stored> stored = calendars.find(id);
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.notFound("calendar " + id));
        }
        if (policies.usesCalendar(id)) {
            return Outcome.refused(Refusal.conflict(SlaRefusals.CALENDAR_IN_USE));
        }
        calendars.delete(id);
        log.configured(
                Verb.REMOVED,
                Subject.SLA_CALENDAR,
                id.toString(),
                actor,
                stored.get().view(),
                null);
        return Outcome.done(stored.get().view());
    }
}
