package io.cairn.isms.schedules;

import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A schedule that passed every check, ready to store, with the recurrence it fires on. */
record CheckedSchedule(
        String name,
        ProcedureTypeId procedureType,
        UserId owner,
        Map<String, String> values,
        String rule,
        LocalDate firstDay,
        LocalTime time,
        ZoneId zone,
        @Nullable SlaCalendarId calendar,
        NonWorkingDay nonWorkingDay,
        Recurrence recurrence) {

    CheckedSchedule {
        values = Map.copyOf(values);
    }
}
