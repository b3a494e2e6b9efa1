package io.cairn.handling.sla;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy as it is stored.
 *
 * @param priority the priority's label, such as {@code P1}
 * @param responseTarget ISO 8601, such as {@code PT4H}
 * @param resolutionTarget ISO 8601
 * @param calendar the calendar the targets count on; empty for around the clock
 * @param calendarName its name; empty for around the clock
 * @param pauseStatuses the statuses in which the clocks pause
 */
public record SlaPolicyView(
        String priority,
        int priorityLevel,
        String responseTarget,
        String resolutionTarget,
        @Nullable SlaCalendarId calendar,
        @Nullable String calendarName,
        List<String> pauseStatuses,
        int warningPercent,
        @Nullable EscalationLevelId escalationLevel,
        long version) {

    /** The response target as admins type it, such as {@code 4h} or {@code 1h30m}. */
    public String responseText() {
        return SlaDurations.text(java.time.Duration.parse(responseTarget));
    }

    /** The resolution target as admins type it. */
    public String resolutionText() {
        return SlaDurations.text(java.time.Duration.parse(resolutionTarget));
    }
}
