package io.cairn.isms.schedules;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The next occurrences of a schedule, computed as the scanner fires them (the zone, daylight saving, the move off a
 * non-working day).
 *
 * @param inWords the rule in the reader's language where it is one of the presets, the rule itself otherwise
 * @param skipsShortMonths whether the rule falls on the 29th to 31st of a month and so skips the months without that
 *     day, as RFC 5545 says
 */
public record SchedulePreview(List<Occurrence> occurrences, String inWords, boolean skipsShortMonths) {

    public SchedulePreview {
        occurrences = List.copyOf(occurrences);
    }

    /**
     * One occurrence.
     *
     * @param local the local date and time in the schedule's zone, {@code yyyy-MM-dd HH:mm}
     * @param weekday the local weekday in the reader's language
     * @param movedFrom the non-working day it was moved from, {@code yyyy-MM-dd}
     */
    public record Occurrence(
            Instant at,
            String local,
            String weekday,
            @Nullable String movedFrom) {}
}
