package io.cairn.handling.sla;

import io.cairn.handling.SlaClockKind;
import io.cairn.incidents.Status;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The promise made for incidents of one priority level: how soon someone responds and how soon the incident is
 * resolved, counted in working time of a calendar or around the clock, with the statuses in which the clocks stop
 * and the share of a target after which a warning goes out.
 *
 * @param calendar the calendar the targets are counted on; empty for around the clock
 * @param pauseStatuses statuses in which both clocks pause
 * @param warningPercent the share of a target, in percent, after which a warning goes out
 * @param escalationLevel the level a breach escalates to first when nobody acknowledges it; empty for none
 */
record SlaPolicy(
        int priorityLevel,
        Duration response,
        Duration resolution,
        @Nullable SlaCalendarId calendar,
        Set<Status> pauseStatuses,
        int warningPercent,
        @Nullable EscalationLevelId escalationLevel,
        long version) {

    SlaPolicy {
        pauseStatuses = pauseStatuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pauseStatuses));
    }

    /** What one clock measures against: its target, the working time after which it warns, and the calendar. */
    record Target(
            Duration target, Duration warnAfter, @Nullable SlaCalendarId calendar) {}

    Target target(SlaClockKind kind) {
        Duration target = kind == SlaClockKind.RESPONSE ? response : resolution;
        return new Target(target, target.multipliedBy(warningPercent).dividedBy(100), calendar);
    }

    boolean pausesIn(Status status) {
        return pauseStatuses.contains(status);
    }
}
