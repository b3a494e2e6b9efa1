package io.cairn.compliance;

import io.cairn.handling.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Map;

/**
 * Turns a stage's clock and the instants of the facts it names into the instant the stage is due. Pure: the same rule
 * and facts give the same instant, whatever the time or the server's zone.
 *
 * <p>Calendar periods and business days are counted in the regime's zone, on local dates and times. A due local time
 * that a change to summer time skips is due at the end of the skipped hour; one that a change back repeats is due at
 * its first occurrence. A fact in the repeated hour counts from the end of that hour when it lies in its second
 * occurrence, so that a later fact is never due earlier.
 */
public final class DeadlineCalculator {

    private final ZoneId zone;
    private final BusinessCalendar calendar;

    /**
     * @param zone the zone of calendar periods and business days
     * @param calendar the working days of business-day clocks
     */
    public DeadlineCalculator(ZoneId zone, BusinessCalendar calendar) {
        this.zone = zone;
        this.calendar = calendar;
    }

    /** The working days of business-day clocks. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The calculator of a regime's clocks: its zone, its working days and holidays. */
    public static DeadlineCalculator of(Regime regime) {
        return new DeadlineCalculator(
                regime.zone(), BusinessCalendar.workingDays(regime.zone(), regime.workingDays(), regime.holidays()));
    }

    /** When the clock is due given the facts recorded so far (by name), or that it does not run yet. */
    public Deadline due(ClockRule rule, Map<String, Instant> facts) {
        String fact = rule.facts().get(0);
        Instant start = facts.get(fact);
        if (start == null) {
            return new Deadline.NotYetRunning(fact);
        }
        if (rule instanceof ClockRule.After after) {
            return due(start.plus(after.offset()));
        }
        if (rule instanceof ClockRule.AfterButNoLaterThan bounded) {
            return due(bounded(bounded, start, facts.get(bounded.boundFact())));
        }
        if (rule instanceof ClockRule.CalendarPeriod period) {
            return due(instant(calendarPeriod(period, start)));
        }
        if (rule instanceof ClockRule.BusinessDays business) {
            LocalDate last = calendar.addWorkingDays(start.atZone(zone).toLocalDate(), business.days());
            return due(instant(last.atTime(business.dueTime())));
        }
        if (rule instanceof ClockRule.WithoutUndueDelay undue) {
            return new Deadline.Due(start.plus(undue.target()), true);
        }
        return due(start);
    }

    /**
     * The offset after the fact, but no later than the bound after the bound fact; when the fact comes after that
     * bound (DORA: classified as major more than 24 hours after awareness), the offset after the fact.
     */
    private static Instant bounded(
            ClockRule.AfterButNoLaterThan rule, Instant start, @org.jspecify.annotations.Nullable Instant boundStart) {
        Instant after = start.plus(rule.offset());
        if (boundStart == null) {
            return after;
        }
        Instant bound = boundStart.plus(rule.bound());
        if (start.isAfter(bound)) {
            return after;
        }
        return after.isBefore(bound) ? after : bound;
    }

    /**
     * The local time a calendar period after the fact. A month that lacks the fact's day ends on its last day, and the
     * period is then due at the end of that day (31 January + 1 month: 28 February, 24:00), so that a later fact is
     * never due earlier (30 January 23:00 and 31 January 01:00 are both due at the end of 28 February).
     */
    private LocalDateTime calendarPeriod(ClockRule.CalendarPeriod rule, Instant start) {
        LocalDateTime from = rule.fromYearEnd()
                ? LocalDate.of(local(start).getYear() + 1, 1, 1).atStartOfDay()
                : local(start);
        LocalDateTime months = from.plusMonths(rule.period().toTotalMonths());
        if (months.getDayOfMonth() != from.getDayOfMonth()) {
            months = months.with(LocalTime.MAX);
        }
        return months.plusDays(rule.period().getDays());
    }

    /** The local time of an instant; the second occurrence of a repeated hour counts as that hour's end. */
    private LocalDateTime local(Instant instant) {
        ZoneOffsetTransition previous = zone.getRules().previousTransition(instant.plusNanos(1));
        if (previous != null
                && previous.isOverlap()
                && !instant.isBefore(previous.getInstant())
                && instant.isBefore(
                        previous.getInstant().plus(previous.getDuration().negated()))) {
            return previous.getDateTimeBefore();
        }
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** The instant of a local time: the end of a skipped hour, the first occurrence of a repeated one. */
    private Instant instant(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    private static Deadline due(Instant at) {
        return new Deadline.Due(at, false);
    }
}
