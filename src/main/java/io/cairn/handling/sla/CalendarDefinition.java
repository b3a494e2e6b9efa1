package io.cairn.handling.sla;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A business-hour calendar as an admin writes it.
 *
 * @param name how policies and people name it
 * @param zone the time zone its hours are in, such as {@code Europe/Amsterdam}
 * @param week working hours per weekday ({@code monday} ... {@code sunday}), each a list of {@code HH:mm-HH:mm}
 *     stretches; a day that is absent or empty is not worked
 * @param holidays dates ({@code yyyy-MM-dd}) on which nobody works
 * @param version the version the admin saw; ignored when creating
 */
public record CalendarDefinition(
        @Nullable String name,
        @Nullable String zone,
        @Nullable Map<String, List<String>> week,
        @Nullable List<String> holidays,
        @Nullable Long version) {

    /** The checked calendar: its name and the calendar itself. */
    record Parsed(String name, BusinessCalendar calendar) {}

    /** The calendar, or the first problem with it, naming the field (and the day for overlapping hours). */
    Outcome<Parsed> parse() {
        if (name == null || name.isBlank() || name.trim().length() > 80) {
            return Outcome.refused(Refusal.invalid("name", SlaRefusals.NAME_LENGTH));
        }
        String named = name.trim();
        return zoneId().flatMap(zoneId -> weekdays()
                .flatMap(days -> holidayDates()
                        .flatMap(dates -> BusinessCalendar.of(zoneId, days, dates)
                                .map(calendar -> new Parsed(named, calendar)))));
    }

    private Outcome<ZoneId> zoneId() {
        if (zone == null || zone.isBlank()) {
            return Outcome.refused(Refusal.invalid("zone", SlaRefusals.ZONE_REQUIRED));
        }
        try {
            return Outcome.done(ZoneId.of(zone.trim()));
        } catch (DateTimeException e) {
            return Outcome.refused(Refusal.invalid("zone", SlaRefusals.NOT_A_ZONE, zone));
        }
    }

    private Outcome<Map<DayOfWeek, List<BusinessCalendar.WorkingHours>>> weekdays() {
        Map<DayOfWeek, List<BusinessCalendar.WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> day : (week == null ? Map.<String, List<String>>of() : week).entrySet()) {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(Refusal.invalid("week." + day.getKey(), SlaRefusals.NOT_A_WEEKDAY));
            }
            Outcome<List<BusinessCalendar.WorkingHours>> hours = day(weekday, day.getValue());
            if (hours instanceof Outcome.Refused<List<BusinessCalendar.WorkingHours>> refused) {
                return Outcome.refused(refused.refusal());
            }
            days.put(weekday, ((Outcome.Done<List<BusinessCalendar.WorkingHours>>) hours).value());
        }
        return Outcome.done(days);
    }

    private static Outcome<List<BusinessCalendar.WorkingHours>> day(
            DayOfWeek weekday, @Nullable List<String> stretches) {
        List<BusinessCalendar.WorkingHours> hours = new ArrayList<>();
        String field = "week." + weekday.name().toLowerCase(Locale.ROOT);
        for (String stretch : stretches == null ? List.<String>of() : stretches) {
            Outcome<BusinessCalendar.WorkingHours> parsed = hours(field, stretch);
            if (parsed instanceof Outcome.Refused<BusinessCalendar.WorkingHours> refused) {
                return Outcome.refused(refused.refusal());
            }
            hours.add(((Outcome.Done<BusinessCalendar.WorkingHours>) parsed).value());
        }
        return Outcome.done(hours);
    }

    private Outcome<Set<LocalDate>> holidayDates() {
        Set<LocalDate> dates = new LinkedHashSet<>();
        List<String> given = holidays == null ? List.of() : holidays;
        for (int i = 0; i < given.size(); i++) {
            try {
                dates.add(LocalDate.parse(String.valueOf(given.get(i)).trim()));
            } catch (DateTimeParseException e) {
                return Outcome.refused(
                        Refusal.invalid("holidays[" + i + "]", SlaRefusals.NOT_A_DATE, String.valueOf(given.get(i))));
            }
        }
        return Outcome.done(dates);
    }

    private static Outcome<BusinessCalendar.WorkingHours> hours(String field, @Nullable String stretch) {
        String[] ends = stretch == null ? new String[0] : stretch.trim().split("\\s*-\\s*");
        if (stretch == null || ends.length != 2) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_A_STRETCH, String.valueOf(stretch)));
        }
        try {
            LocalTime from = LocalTime.parse(ends[0]);
            LocalTime until = ends[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(ends[1]);
            if (!until.isAfter(from)) {
                return Outcome.refused(Refusal.invalid(field, SlaRefusals.HOURS_END_BEFORE_START, stretch.trim()));
            }
            return Outcome.done(new BusinessCalendar.WorkingHours(from, until));
        } catch (DateTimeParseException e) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_A_STRETCH, String.valueOf(stretch)));
        }
    }

    /** The week of a calendar as definitions write it. */
    static Map<String, List<String>> weekOf(BusinessCalendar calendar) {
        Map<String, List<String>> week = new java.util.LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<BusinessCalendar.WorkingHours> hours = calendar.week().getOrDefault(day, List.of());
            if (!hours.isEmpty()) {
                week.put(
                        day.name().toLowerCase(Locale.ROOT),
                        hours.stream().map(CalendarDefinition::text).toList());
            }
        }
        return week;
    }

    private static String text(BusinessCalendar.WorkingHours hours) {
        return hours.from() + "-"
                + (hours.until().equals(LocalTime.MAX) ? "24:00" : hours.until().toString());
    }
}
