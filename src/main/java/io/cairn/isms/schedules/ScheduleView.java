package io.cairn.isms.schedules;

import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as the API and the pages show it.
 *
 * @param owner the login name of the runs' owner
 * @param recurrenceInWords the rule in the reader's language where it is one of the presets, the rule itself otherwise
 * @param calendarName the calendar's name; empty for none (or one that was removed)
 * @param nextAt the next occurrence the scanner fires while the schedule is active; none when it fires no more
 * @param nextLocal that occurrence in the schedule's zone, {@code yyyy-MM-dd HH:mm}
 * @param fired whether it fired before: a schedule that fired is paused, not deleted
 */
public record ScheduleView(
        ScheduleId id,
        String name,
        ProcedureTypeId procedureType,
        String procedureTypeName,
        String owner,
        Map<String, String> values,
        String recurrence,
        String recurrenceInWords,
        String firstDay,
        String time,
        String zone,
        @Nullable SlaCalendarId calendar,
        @Nullable String calendarName,
        String nonWorkingDay,
        boolean active,
        @Nullable Instant nextAt,
        @Nullable String nextLocal,
        boolean fired,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public ScheduleView {
        values = Map.copyOf(values);
    }
}
