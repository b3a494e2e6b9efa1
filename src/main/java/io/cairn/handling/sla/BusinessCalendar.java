package io.cairn.handling.sla;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When work is done: working hours per weekday and holidays in a time zone, or around the clock. SLA targets in
 * business hours are counted on such a calendar.
 *
 * <p>Hours are local times, so a working day that contains a daylight-saving change is an hour shorter or longer,
 * as it is for the people working it.
 *
 * @param week the working hours of each weekday, sorted and not overlapping; a day that is absent is not worked
 * @param holidays dates on which nobody works, whatever the weekday
 * @param aroundTheClock every moment is working time; week and holidays do not matter
 */
@org.springframework.modulith.NamedInterface("calendars")
public record BusinessCalendar(
        ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Set<LocalDate> holidays, boolean aroundTheClock) {

    /** How far ahead a due time may lie: beyond this a target is refused as unreachable. */
    private static final int MAX_DAYS = 3_660;

    /** One stretch of working time in a day, from a local time until a later one. */
    public record WorkingHours(LocalTime from, LocalTime until) {

        public WorkingHours {
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("working hours end after they start: " + from + "-" + until);
            }
        }

        @Override
        public String toString() {
            return from + "-" + until;
        }
    }

    public BusinessCalendar {
        Map<DayOfWeek, List<WorkingHours>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> sorted.put(
                day,
                hours.stream().sorted(Comparator.comparing(WorkingHours::from)).toList()));
        week = java.util.Collections.unmodifiableMap(sorted);
        holidays = Set.copyOf(holidays);
        Optional<Refusal> problem = problem(week);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().message());
        }
        if (!aroundTheClock && week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one day");
        }
    }

    /** Every moment counts. */
    public static BusinessCalendar aroundTheClock(ZoneId zone) {
        return new BusinessCalendar(zone, Map.of(), Set.of(), true);
    }

    /**
     * A calendar of whole working days: the given weekdays, midnight to midnight, without the holidays; for deadlines
     * counted in business days.
     */
    public static BusinessCalendar workingDays(ZoneId zone, Set<DayOfWeek> days, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> week.put(day, List.of(new WorkingHours(LocalTime.MIN, LocalTime.MAX))));
        return new BusinessCalendar(zone, week, holidays, false);
    }

    /** A calendar from what a user entered, or the first problem with it, naming the day. */
    public static Outcome<BusinessCalendar> of(
            ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Set<LocalDate> holidays) {
        Optional<Refusal> problem = problem(week);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            return Outcome.refused(Refusal.invalid("week", SlaRefusals.NO_WORKING_HOURS));
        }
        return Outcome.done(new BusinessCalendar(zone, week, holidays, false));
    }

    private static Optional<Refusal> problem(Map<DayOfWeek, List<WorkingHours>> week) {
        for (Map.Entry<DayOfWeek, List<WorkingHours>> day : week.entrySet()) {
            List<WorkingHours> hours = day.getValue().stream()
                    .sorted(Comparator.comparing(WorkingHours::from))
                    .toList();
            for (int i = 1; i < hours.size(); i++) {
                if (hours.get(i).from().isBefore(hours.get(i - 1).until())) {
                    return Optional.of(Refusal.invalid(
                            "week." + day.getKey().name().toLowerCase(java.util.Locale.ROOT),
                            SlaRefusals.HOURS_OVERLAP,
                            hours.get(i - 1).toString(),
                            hours.get(i).toString()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The moment when the given amount of working time has passed after the start: the due time of a target.
     *
     * @throws IllegalArgumentException when that lies more than ten years ahead
     */
    public Instant addWorkingTime(Instant start, Duration work) {
        if (aroundTheClock || work.isZero() || work.isNegative()) {
            return start.plus(work.isNegative() ? Duration.ZERO : work);
        }
        Duration remaining = work;
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant from = window.from().isBefore(start) ? start : window.from();
                if (!from.isBefore(window.until())) {
                    continue;
                }
                Duration available = Duration.between(from, window.until());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("the target lies more than ten years of working days ahead");
    }

    /** The working time between two moments; zero when the second is not after the first. */
    public Duration workingTimeBetween(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        if (aroundTheClock) {
            return Duration.between(start, end);
        }
        Duration total = Duration.ZERO;
        LocalDate last = end.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = start.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant from = window.from().isBefore(start) ? start : window.from();
                Instant until = window.until().isAfter(end) ? end : window.until();
                if (until.isAfter(from)) {
                    total = total.plus(Duration.between(from, until));
                }
            }
        }
        return total;
    }

    /** Whether people work on the date: it has working hours and is no holiday; every date is, around the clock. */
    public boolean isWorkingDay(LocalDate date) {
        return aroundTheClock
                || (!holidays.contains(date)
                        && !week.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty());
    }

    /**
     * The working day that lies the given number of working days after the date: for one, the first working day after
     * it, whether or not the date itself is one.
     *
     * @throws IllegalArgumentException when that lies more than ten years ahead
     */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        LocalDate day = date;
        int counted = 0;
        for (int i = 0; i < MAX_DAYS && counted < days; i++) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        if (counted < days) {
            throw new IllegalArgumentException("the date lies more than ten years of working days ahead");
        }
        return day;
    }

    /** Whether the moment lies in working time. */
    public boolean isWorking(Instant moment) {
        return aroundTheClock
                || !workingTimeBetween(moment, moment.plusNanos(1)).isZero();
    }

    private record Window(Instant from, Instant until) {}

    /** The working windows of a local date, as instants; a window cut by a daylight-saving gap is shorter. */
    private List<Window> windows(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Window> windows = new ArrayList<>();
        for (WorkingHours hours : week.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant from = ZonedDateTime.of(day, hours.from(), zone).toInstant();
            Instant until = ZonedDateTime.of(day, hours.until(), zone).toInstant();
            if (until.isAfter(from)) {
                windows.add(new Window(from, until));
            }
        }
        return windows;
    }
}
