package io.cairn.handling.sla;

import io.cairn.shared.Language;
import java.util.UUID;

/**
 * The business-hour calendar the SLA migration ships, named in the reader's language while nobody renamed it: a
 * Dutch reader gets its Dutch name; a name someone chose is shown as they wrote it.
 */
final class ShippedCalendar {

    /** The business-hour calendar the SLA migration ships. */
    static final SlaCalendarId OFFICE_HOURS =
            new SlaCalendarId(UUID.fromString("00000000-0000-4000-8000-0000000005a1"));

    private static final String OFFICE_HOURS_NAME = "Office hours";
    private static final String OFFICE_HOURS_DUTCH = "Kantooruren";

    private ShippedCalendar() {}

    static SlaCalendarView shown(SlaCalendarView calendar) {
        return new SlaCalendarView(
                calendar.id(),
                calendarName(calendar.id(), calendar.name()),
                calendar.zone(),
                calendar.week(),
                calendar.holidays(),
                calendar.version());
    }

    /** The name of a calendar: the shipped one's in the reader's language while nobody renamed it. */
    static String calendarName(SlaCalendarId id, String name) {
        return OFFICE_HOURS.equals(id) && OFFICE_HOURS_NAME.equals(name) && Language.current() == Language.DUTCH
                ? OFFICE_HOURS_DUTCH
                : name;
    }

    /** A calendar as someone saves it: the shipped name they were shown in their language stays the stored one. */
    static CalendarDefinition asStored(SlaCalendarId id, CalendarDefinition submitted, String storedName) {
        return submitted.name() != null && submitted.name().strip().equals(calendarName(id, storedName))
                ? new CalendarDefinition(
                        storedName, submitted.zone(), submitted.week(), submitted.holidays(), submitted.version())
                : submitted;
    }
}
