package io.cairn.isms.controls;

import io.cairn.handling.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an auditor asks of each run beyond its own due time: completed within a number of working days on a calendar
 * of the SLA module, "every off-boarding completed within one working day". A run meets it when it is completed by
 * the end of the {@code workingDays}-th working day after the day it started (in the calendar's zone; 0: the day it
 * started), whether or not it started on a working day.
 *
 * @param calendarName the calendar's name, as the report shows it
 */
record CompletionTarget(int workingDays, String calendarName, BusinessCalendar calendar) {

    /** The most working days asked for. */
    static final int MAX_WORKING_DAYS = 366;

    /** A calendar of the SLA module by its name. */
    record NamedCalendar(String name, BusinessCalendar calendar) {}

    /** The moment after which a run started at {@code start} no longer meets the target. */
    Instant deadline(Instant start) {
        LocalDate started = LocalDate.ofInstant(start, calendar.zone());
        LocalDate last;
        try {
            last = workingDays == 0 ? started : calendar.addWorkingDays(started, workingDays);
        } catch (IllegalArgumentException noWorkingDays) {
            // a calendar without working days for ten years: nothing is late by it
            last = started.plusYears(10);
        }
        return last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }
}
