package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * Reading the RFC 5545 recurrence rule of a schedule with lib-recur, and the rules' limits that make sense for
 * procedures: a run a day at most, at the schedule's time of day.
 */
final class RecurrenceRules {

    private static final Pattern COUNT_ZERO = Pattern.compile("(^|;)COUNT=0+(;|$)");
    private static final Set<Freq> FINER_THAN_DAILY = Set.of(Freq.HOURLY, Freq.MINUTELY, Freq.SECONDLY);
    // names, not RecurrenceRule.Part: lib-recur's Part must not be initialised before RecurrenceRule
    private static final List<String> TIME_PARTS = List.of("BYHOUR", "BYMINUTE", "BYSECOND");

    private RecurrenceRules() {}

    /** The rule as stored: without an {@code RRULE:} before it, in capitals, without spaces. */
    static String normalised(String text) {
        String rule = text.trim().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return rule.startsWith("RRULE:") ? rule.substring("RRULE:".length()) : rule;
    }

    /**
     * The parsed rule, its UNTIL (a date, a floating or a UTC date and time) made a floating local time in the zone,
     * or the first problem, under the field {@code recurrence}.
     */
    static Outcome<RecurrenceRule> parse(String text, LocalDate firstDay, LocalTime time, ZoneId zone) {
        String normalised = normalised(text);
        if (normalised.isEmpty()) {
            return refused(SharedRefusals.REQUIRED);
        }
        if (COUNT_ZERO.matcher(normalised).find()) {
            return refused(ScheduleRefusals.COUNT_ZERO);
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(normalised, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            return refused(ScheduleRefusals.NOT_A_RULE, String.valueOf(e.getMessage()));
        }
        if (FINER_THAN_DAILY.contains(rule.getFreq())) {
            return refused(ScheduleRefusals.FINER_THAN_DAILY, "FREQ=" + rule.getFreq());
        }
        for (String part : TIME_PARTS) {
            if (rule.hasPart(RecurrenceRule.Part.valueOf(part))) {
                return refused(ScheduleRefusals.TIME_IN_RULE, part);
            }
        }
        DateTime until = rule.getUntil();
        if (until != null) {
            DateTime local = localUntil(until, zone);
            if (local.before(floating(firstDay, time))) {
                return refused(
                        ScheduleRefusals.UNTIL_BEFORE_FIRST_DAY, dateOf(local).toString(), firstDay.toString());
            }
            rule.setUntil(local);
        }
        return Outcome.done(rule);
    }

    /** A local date and time without a zone, as lib-recur counts floating times. */
    static DateTime floating(LocalDate day, LocalTime time) {
        return new DateTime(
                day.getYear(),
                day.getMonthValue() - 1,
                day.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond());
    }

    /**
     * Whether a monthly or yearly rule lands on the 29th, 30th or 31st of a month (by BYMONTHDAY, or by the first day
     * when the rule names no day): RFC 5545 skips the months that do not have that day.
     */
    static boolean skipsShortMonths(RecurrenceRule rule, LocalDate firstDay) {
        if (rule.getFreq() != Freq.MONTHLY && rule.getFreq() != Freq.YEARLY) {
            return false;
        }
        if (rule.hasPart(RecurrenceRule.Part.BYMONTHDAY)) {
            return rule.getByPart(RecurrenceRule.Part.BYMONTHDAY).stream().anyMatch(day -> day > 28);
        }
        boolean namesNoDay = !rule.hasPart(RecurrenceRule.Part.BYDAY)
                && !rule.hasPart(RecurrenceRule.Part.BYYEARDAY)
                && !rule.hasPart(RecurrenceRule.Part.BYWEEKNO);
        return namesNoDay && firstDay.getDayOfMonth() > 28;
    }

    /** The UNTIL as a floating local time: the end of its day for a date, the zone's local time for a UTC time. */
    private static DateTime localUntil(DateTime until, ZoneId zone) {
        if (until.isAllDay()) {
            return floating(dateOf(until), LocalTime.of(23, 59, 59));
        }
        if (until.isFloating()) {
            return until;
        }
        DateTime inZone = until.shiftTimeZone(TimeZone.getTimeZone(zone));
        return new DateTime(
                inZone.getYear(),
                inZone.getMonth(),
                inZone.getDayOfMonth(),
                inZone.getHours(),
                inZone.getMinutes(),
                inZone.getSeconds());
    }

    private static LocalDate dateOf(DateTime dateTime) {
        return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDayOfMonth());
    }

    private static <T> Outcome<T> refused(Refusal.Reason reason, Object... arguments) {
        return Outcome.refused(Refusal.invalid("recurrence", reason, arguments));
    }
}
