package io.cairn.isms.schedules;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An occurrence a schedule fired, and what came of it.
 *
 * @param at when it was due (a run started late after downtime is due from it)
 * @param outcome {@code started}, {@code not-started} or {@code missed}
 * @param run the reference of the run it started
 * @param reason why no run started, or why it was missed
 * @param recordedAt when the scanner handled it
 */
public record OccurrenceView(
        Instant at,
        String outcome,
        @Nullable String run,
        @Nullable String reason,
        Instant recordedAt) {

    /** Whether it started a run. */
    public boolean started() {
        return "started".equals(outcome);
    }
}
