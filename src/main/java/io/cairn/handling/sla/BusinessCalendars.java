package io.cairn.handling.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business-hour calendars for other modules that count on working days (schedules of security procedures): which
 * ones there are, and the calendar to count on. Calendars hold no secrets, so these reads check no rights; they are
 * for choosing a calendar and for schedulers that run without a signed-in user.
 */
@org.springframework.modulith.NamedInterface("calendars")
@Component
public class BusinessCalendars {

    private final SlaCalendars calendars;

    BusinessCalendars(SlaCalendars calendars) {
        this.calendars = calendars;
    }

    /** The stored calendars by name; the shipped one named in the reader's language while nobody renamed it. */
    @Transactional(readOnly = true)
    public List<SlaCalendarView> all() {
        return calendars.all().stream()
                .map(SlaCalendars.Stored::view)
                .map(ShippedCalendar::shown)
                .toList();
    }

    /** The calendar of this id to count on, if it is stored. */
    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> calendar(SlaCalendarId id) {
        return calendars.find(id).map(SlaCalendars.Stored::calendar);
    }

    /** The stored calendar with this id (in its text form) or this name (as stored or as shown), case aside. */
    @Transactional(readOnly = true)
    public Optional<SlaCalendarView> find(String idOrName) {
        String wanted = idOrName.trim();
        return calendars.all().stream()
                .map(SlaCalendars.Stored::view)
                .filter(view -> view.id().toString().equals(wanted)
                        || view.name().equalsIgnoreCase(wanted)
                        || ShippedCalendar.shown(view).name().equalsIgnoreCase(wanted))
                .map(ShippedCalendar::shown)
                .findFirst();
    }
}
