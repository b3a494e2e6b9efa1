package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;

/**
 * Starts the run that an occurrence of a schedule fires. Runs implement it; the schedule scanner calls it once per
 * occurrence, in the transaction that records the occurrence and advances the schedule.
 */
public interface ScheduledRunStarter {

    /**
     * Starts the run of one occurrence of a schedule in the caller's transaction; the same (schedule, occurrence) twice
     * starts one run. Answers the run's reference, or why it could not start.
     */
    Outcome<String> startScheduled(ScheduledStart start);
}
