package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;

/** Starts the runs that schedules ask for; the runs implement it. */
public interface ScheduledRunStarter {

    /**
     * Starts the run of one occurrence of a schedule in the caller's transaction; the same (schedule, occurrence) twice
     * starts one run. Answers the run's reference, or why it could not start.
     */
    Outcome<String> startScheduled(ScheduledStart start);
}
