package io.cairn.isms.schedules;

import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored schedule.
 *
 * @param nextAt the next occurrence the scanner fires; none when the rule fires no more
 * @param fired whether an occurrence of it has been recorded (a schedule that fired is paused, not deleted)
 */
record Schedule(
        ScheduleId id,
        String name,
        ProcedureTypeId procedureType,
        UserId owner,
        Map<String, String> values,
        String recurrence,
        LocalDate firstDay,
        LocalTime time,
        ZoneId zone,
        @Nullable SlaCalendarId calendar,
        NonWorkingDay nonWorkingDay,
        boolean active,
        @Nullable Instant nextAt,
        boolean fired,
        Instant updatedAt,
        String updatedBy,
        long version) {

    Schedule {
        values = Map.copyOf(values);
    }

    /** The schedule as its editor shows it. */
    ScheduleDraft draft(String ownerName) {
        return new ScheduleDraft(
                name,
                procedureType.toString(),
                ownerName,
                values,
                recurrence,
                firstDay.toString(),
                time.toString(),
                zone.getId(),
                calendar == null ? null : calendar.toString(),
                nonWorkingDay.code());
    }
}
