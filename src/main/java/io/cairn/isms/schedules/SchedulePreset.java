package io.cairn.isms.schedules;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common recurrences, which the editor fills in as a rule: weekly on a day, the first given weekday of the month,
 * monthly on a day, every quarter on its first working day, and yearly on the first day's date. Any other rule is
 * written by hand ({@link #CUSTOM}).
 */
public enum SchedulePreset {
    WEEKLY("FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)"),
    FIRST_WEEKDAY_OF_MONTH("FREQ=MONTHLY;BYDAY=1(MO|TU|WE|TH|FR|SA|SU)"),
    MONTHLY_ON_DAY("FREQ=MONTHLY;BYMONTHDAY=(\\d{1,2})"),
    QUARTERLY("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"),
    YEARLY("FREQ=YEARLY"),
    CUSTOM(".*");

    private final Pattern pattern;

    SchedulePreset(String pattern) {
        this.pattern = Pattern.compile(pattern);
    }

    /** The name as forms write it: {@code first-weekday-of-month}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<SchedulePreset> ofCode(String code) {
        return Arrays.stream(values())
                .filter(preset -> preset.code().equals(code.trim()))
                .findFirst();
    }

    /** The rule of this preset, for the day of the month and the weekday it may need; none for {@link #CUSTOM}. */
    String rule(int dayOfMonth, DayOfWeek day) {
        String weekday = day.name().substring(0, 2);
        return switch (this) {
            case WEEKLY -> "FREQ=WEEKLY;BYDAY=" + weekday;
            case FIRST_WEEKDAY_OF_MONTH -> "FREQ=MONTHLY;BYDAY=1" + weekday;
            case MONTHLY_ON_DAY -> "FREQ=MONTHLY;BYMONTHDAY=" + Math.max(1, Math.min(31, dayOfMonth));
            case QUARTERLY -> pattern.pattern();
            case YEARLY -> "FREQ=YEARLY";
            case CUSTOM -> "";
        };
    }

    /** A rule as one of the presets, with the weekday or day of the month it names; a custom rule otherwise. */
    static Recognised recognise(String rule) {
        String normalised = RecurrenceRules.normalised(rule);
        for (SchedulePreset preset : values()) {
            Matcher matcher = preset.pattern.matcher(normalised);
            if (preset != CUSTOM && matcher.matches()) {
                return new Recognised(preset, preset.dayOfMonth(matcher), preset.weekday(matcher));
            }
        }
        return new Recognised(CUSTOM, 1, DayOfWeek.MONDAY);
    }

    private int dayOfMonth(Matcher matcher) {
        return this == MONTHLY_ON_DAY ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private DayOfWeek weekday(Matcher matcher) {
        if (this != WEEKLY && this != FIRST_WEEKDAY_OF_MONTH) {
            return DayOfWeek.MONDAY;
        }
        String code = matcher.group(1);
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day.name().startsWith(code))
                .findFirst()
                .orElse(DayOfWeek.MONDAY);
    }

    /** A rule read as a preset. */
    record Recognised(SchedulePreset preset, int dayOfMonth, DayOfWeek weekday) {}
}
