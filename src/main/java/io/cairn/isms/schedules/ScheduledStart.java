package io.cairn.isms.schedules;

import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.time.Instant;
import java.util.Map;

/**
 * The run one occurrence of a schedule asks for: of which procedure type, owned by whom, with which start-form values.
 *
 * @param occurrence the moment the schedule fired for; a run is started once per (schedule, occurrence)
 */
public record ScheduledStart(
        ScheduleId schedule,
        String scheduleName,
        ProcedureTypeId type,
        UserId owner,
        Map<String, String> values,
        Instant occurrence) {

    public ScheduledStart {
        values = Map.copyOf(values);
    }
}
