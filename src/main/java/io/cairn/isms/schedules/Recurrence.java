package io.cairn.isms.schedules;

import io.cairn.handling.sla.BusinessCalendar;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.jspecify.annotations.Nullable;

/**
 * When a schedule fires: the days of an RFC 5545 recurrence rule from the first day on, each at the local time of day
 * in the time zone (09:00 in Europe/Amsterdam stays 09:00 across a daylight-saving change, so its instant shifts by an
 * hour), and, on a calendar, a day nobody works moved to the next working day or skipped. The rule is evaluated by
 * lib-recur in local (floating) time; each local date and time is then placed in the zone, a time that a
 * daylight-saving gap skips moving forward by the gap, as {@link ZonedDateTime#ofLocal} does. An occurrence moved onto
 * a day that has one already is one occurrence.
 */
final class Recurrence {

    /** How far ahead of the first day a rule must fire, and how far the scanner and the preview look. */
    static final int HORIZON_YEARS = 10;

    private final RecurrenceRule rule;
    private final LocalDate firstDay;
    private final LocalTime time;
    private final ZoneId zone;
    private final @Nullable BusinessCalendar calendar;
    private final NonWorkingDay onNonWorkingDay;

    private Recurrence(
            RecurrenceRule rule,
            LocalDate firstDay,
            LocalTime time,
            ZoneId zone,
            @Nullable BusinessCalendar calendar,
            NonWorkingDay onNonWorkingDay) {
        this.rule = rule;
        this.firstDay = firstDay;
        this.time = time;
        this.zone = zone;
        this.calendar = calendar;
        this.onNonWorkingDay = onNonWorkingDay;
    }

    /** One moment the schedule fires. */
    record Occurrence(
            Instant at, LocalDateTime local, @Nullable LocalDate movedFrom) {}

    /**
     * The recurrence of a rule, or why it is refused, every problem under the field {@code recurrence}: a rule that
     * does not parse (in the parser's words), one finer than daily or setting times of day, a COUNT of 0, an UNTIL
     * before the first day, and one that never fires within {@value #HORIZON_YEARS} years of the first day.
     */
    static Outcome<Recurrence> of(
            String text,
            LocalDate firstDay,
            LocalTime time,
            ZoneId zone,
            @Nullable BusinessCalendar calendar,
            NonWorkingDay onNonWorkingDay) {
        return RecurrenceRules.parse(text, firstDay, time, zone).flatMap(rule -> {
            Recurrence recurrence = new Recurrence(rule, firstDay, time, zone, calendar, onNonWorkingDay);
            if (recurrence
                    .from(ZonedDateTime.of(firstDay, LocalTime.MIN, zone).toInstant(), 1)
                    .isEmpty()) {
                return Outcome.refused(Refusal.invalid("recurrence", ScheduleRefusals.NEVER_FIRES));
            }
            return Outcome.done(recurrence);
        });
    }

    /** The next occurrences at or after the moment, at most {@code limit}, within the horizon after it. */
    List<Occurrence> from(Instant moment, int limit) {
        return between(moment, horizonAfter(moment), limit);
    }

    /** The occurrence at or after the moment, if the schedule fires again within the horizon. */
    Optional<Occurrence> next(Instant moment) {
        return from(moment, 1).stream().findFirst();
    }

    /**
     * The occurrences from {@code from} (inclusive) until {@code until} (inclusive), in order, at most {@code limit}
     * of them (the first ones).
     */
    List<Occurrence> between(Instant from, Instant until, int limit) {
        List<Occurrence> found = new ArrayList<>();
        if (limit <= 0) {
            return found;
        }
        LocalDate lastDay = LocalDate.ofInstant(until, zone).plusDays(1);
        @Nullable Instant previous = null;
        try {
            RecurrenceRuleIterator days = iteratorNear(from);
            while (days.hasNext() && found.size() < limit) {
                DateTime next = days.nextDateTime();
                LocalDate day = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
                if (day.isAfter(lastDay)) {
                    break;
                }
                Optional<Occurrence> occurrence = placed(day);
                if (occurrence.isEmpty()
                        || occurrence.get().at().isBefore(from)
                        || occurrence.get().at().isAfter(until)
                        || occurrence.get().at().equals(previous)) {
                    continue;
                }
                previous = occurrence.get().at();
                found.add(occurrence.get());
            }
        } catch (IllegalArgumentException exhausted) {
            // lib-recur gives up on a rule whose days never come ("too many filtered recurrence instances")
        }
        return found;
    }

    /** An occurrence of a day of the rule: moved off a non-working day, or none when skipped. */
    private Optional<Occurrence> placed(LocalDate day) {
        LocalDate date = day;
        if (calendar != null && !calendar.isWorkingDay(day)) {
            if (onNonWorkingDay == NonWorkingDay.SKIP) {
                return Optional.empty();
            }
            try {
                date = calendar.addWorkingDays(day, 1);
            } catch (IllegalArgumentException noWorkingDay) {
                return Optional.empty();
            }
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        Instant at = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        return Optional.of(new Occurrence(at, local, date.equals(day) ? null : day));
    }

    /**
     * An iterator of the rule's days that starts shortly before the moment: a month before it, for the days a long
     * run of holidays moves onto it; from the first day for a rule with a COUNT, whose count starts there.
     */
    private RecurrenceRuleIterator iteratorNear(Instant moment) {
        RecurrenceRuleIterator days = rule.iterator(RecurrenceRules.floating(firstDay, time));
        LocalDate near = LocalDate.ofInstant(moment, zone).minusMonths(1);
        if (rule.getCount() == null && near.isAfter(firstDay)) {
            days.fastForward(RecurrenceRules.floating(near, LocalTime.MIN));
        }
        return days;
    }

    /** The moment {@value #HORIZON_YEARS} years after the given one, in the zone. */
    private Instant horizonAfter(Instant moment) {
        return ZonedDateTime.ofInstant(moment, zone).plusYears(HORIZON_YEARS).toInstant();
    }

    /** Whether the rule skips months that lack its day of the month (the 29th to 31st), as RFC 5545 does. */
    boolean skipsShortMonths() {
        return RecurrenceRules.skipsShortMonths(rule, firstDay);
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalTime time() {
        return time;
    }

    NonWorkingDay onNonWorkingDay() {
        return onNonWorkingDay;
    }

    ZoneId zone() {
        return zone;
    }
}
