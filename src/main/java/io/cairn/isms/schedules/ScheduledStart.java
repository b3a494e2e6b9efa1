package io.cairn.isms.schedules;

import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.time.Instant;
import java.util.Map;

/**
 * One occurrence of a schedule, to start as a run.
 *
 * @param values the start form's values every run of the schedule gets, by field key
 * @param occurrence the moment the occurrence was due: a run started late (after downtime) counts its due time from it
 */
public record ScheduledStart(
        ScheduleId schedule,
        String scheduleName,
        ProcedureTypeId type,
        UserId owner,
        Map<String, String> values,
        Instant occurrence) {

    public ScheduledStart {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
