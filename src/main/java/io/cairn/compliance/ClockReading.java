package io.cairn.compliance;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the clock of a stage from a regime file: its kind, and the fields that kind needs. */
final class ClockReading {

    private static final Map<ClockKind, Set<String>> FIELDS = Map.of(
            ClockKind.AFTER, Set.of("kind", "fact", "offset"),
            ClockKind.AFTER_BUT_NO_LATER_THAN, Set.of("kind", "fact", "offset", "bound-fact", "bound"),
            ClockKind.CALENDAR_PERIOD, Set.of("kind", "fact", "period", "from-year-end"),
            ClockKind.BUSINESS_DAYS, Set.of("kind", "fact", "days", "due-time"),
            ClockKind.WITHOUT_UNDUE_DELAY, Set.of("kind", "fact", "target"),
            ClockKind.ON_REQUEST, Set.of("kind", "fact"));

    /** The end of a business day when a regime names no time: a minute before midnight, local time. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private static final String DURATION = "duration (ISO 8601, such as PT72H)";

    private ClockReading() {}

    /** The clock the mapping describes, or empty when it has problems (noted in the mapping's list). */
    static Optional<ClockRule> read(YamlMapping clock) {
        Optional<ClockKind> kind = clock.text("kind").flatMap(code -> {
            Optional<ClockKind> found = ClockKind.find(code.strip());
            if (found.isEmpty()) {
                clock.problem(clock.nodeOf("kind"), ComplianceRefusals.UNKNOWN_CLOCK_KIND, code, ClockKind.codes());
            }
            return found;
        });
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        clock.allowing(FIELDS.getOrDefault(kind.get(), Set.of()));
        Optional<String> fact = clock.text("fact").map(String::strip);
        Optional<ClockRule> rule = switch (kind.get()) {
            case AFTER ->
                clock.value("offset", DURATION, ClockReading::duration)
                        .flatMap(offset -> fact.map(f -> new ClockRule.After(f, offset)));
            case AFTER_BUT_NO_LATER_THAN -> dora(clock, fact);
            case CALENDAR_PERIOD -> calendar(clock, fact);
            case BUSINESS_DAYS -> businessDays(clock, fact);
            case WITHOUT_UNDUE_DELAY ->
                clock.value("target", DURATION, ClockReading::duration)
                        .flatMap(target -> fact.map(f -> new ClockRule.WithoutUndueDelay(f, target)));
            case ON_REQUEST -> fact.map(ClockRule.OnRequest::new);
        };
        return rule;
    }

    private static Optional<ClockRule> dora(YamlMapping clock, Optional<String> fact) {
        Optional<Duration> offset = clock.value("offset", DURATION, ClockReading::duration);
        Optional<String> boundFact = clock.text("bound-fact").map(String::strip);
        Optional<Duration> bound = clock.value("bound", DURATION, ClockReading::duration);
        if (fact.isEmpty() || offset.isEmpty() || boundFact.isEmpty() || bound.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClockRule.AfterButNoLaterThan(fact.get(), offset.get(), boundFact.get(), bound.get()));
    }

    private static Optional<ClockRule> calendar(YamlMapping clock, Optional<String> fact) {
        Optional<Period> period = clock.value("period", "period (ISO 8601, such as P1M or P60D)", ClockReading::period);
        Optional<Boolean> yearEnd = clock.optionalValue("from-year-end", "yes or no", ClockReading::yesOrNo);
        return period.flatMap(p -> fact.map(f -> new ClockRule.CalendarPeriod(f, p, yearEnd.orElse(false))));
    }

    private static Optional<ClockRule> businessDays(YamlMapping clock, Optional<String> fact) {
        Optional<Integer> days = clock.value("days", "number of days from 1 to 365", ClockReading::days);
        Optional<LocalTime> dueTime = clock.optionalValue("due-time", "local time (HH:MM)", LocalTime::parse);
        return days.flatMap(d -> fact.map(f -> new ClockRule.BusinessDays(f, d, dueTime.orElse(END_OF_DAY))));
    }

    private static Duration duration(String text) {
        Duration duration = Duration.parse(text);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(3_660)) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return duration;
    }

    private static Period period(String text) {
        Period period = Period.parse(text);
        if (period.isNegative() || period.isZero() || period.toTotalMonths() > 120 || period.getDays() > 3_660) {
            throw new IllegalArgumentException("out of range");
        }
        return period;
    }

    private static int days(String text) {
        int days = Integer.parseInt(text);
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("out of range");
        }
        return days;
    }

    private static boolean yesOrNo(String text) {
        return switch (text) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("not yes or no");
        };
    }
}
