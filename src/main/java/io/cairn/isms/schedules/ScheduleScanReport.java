package io.cairn.isms.schedules;

/**
 * What one scan of the schedules did.
 *
 * @param started occurrences that started a run
 * @param notStarted occurrences whose run could not start (the reason is recorded with each)
 * @param missed occurrences recorded as missed: more were due at once, after downtime, than one scan starts
 */
public record ScheduleScanReport(int started, int notStarted, int missed, long millis) {

    /** Whether the scan fired anything. */
    public boolean any() {
        return started + notStarted + missed > 0;
    }
}
