package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.Seeds;
import io.cairn.handling.sla.BusinessCalendar.WorkingHours;
import io.cairn.shared.Outcome;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Business-hour clocks across weekends, holidays, time zones and daylight-saving changes. The properties are
 * checked on many random calendars, starts and durations, with the seed in the failure message ({@link Seeds}).
 */
class BusinessCalendarTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final List<ZoneId> ZONES = List.of(
            AMSTERDAM,
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("UTC"));

    private static BusinessCalendar officeHours(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new WorkingHours(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(zone, week, holidays, false);
    }

    /** Working hours from midnight to six on Sundays only, in Amsterdam: the night the clocks change. */
    private static BusinessCalendar sundayNight() {
        return new BusinessCalendar(
                AMSTERDAM,
                Map.of(DayOfWeek.SUNDAY, List.of(new WorkingHours(LocalTime.of(0, 0), LocalTime.of(6, 0)))),
                Set.of(),
                false);
    }

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void eightBusinessHoursFromFourOnMondayAreDueAtThreeOnTuesday() {
        BusinessCalendar calendar = officeHours(AMSTERDAM, Set.of());
        Instant due = calendar.addWorkingTime(at("2026-11-23T16:00", AMSTERDAM), Duration.ofHours(8));
        assertThat(due).isEqualTo(at("2026-11-24T15:00", AMSTERDAM));
    }

    @Test
    void aroundTheClockTargetsAreWallClockTime() {
        BusinessCalendar calendar = BusinessCalendar.aroundTheClock(AMSTERDAM);
        Instant created = at("2026-11-23T10:00", AMSTERDAM);
        assertThat(calendar.addWorkingTime(created, Duration.ofMinutes(15))).isEqualTo(created.plusSeconds(900));
        assertThat(calendar.addWorkingTime(created, Duration.ofHours(2))).isEqualTo(created.plusSeconds(7200));
    }

    @Test
    void aTargetSkipsTheWeekendAndHolidays() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        BusinessCalendar calendar = officeHours(AMSTERDAM, Set.of(christmas, LocalDate.of(2026, 12, 28)));
        Instant due = calendar.addWorkingTime(at("2026-12-24T16:30", AMSTERDAM), Duration.ofHours(1));
        assertThat(due).isEqualTo(at("2026-12-29T08:30", AMSTERDAM));
    }

    @Test
    void aWorkingDayWithTheSpringDaylightSavingChangeIsAnHourShorter() {
        BusinessCalendar night = sundayNight();
        Instant sunday = at("2026-03-29T00:00", AMSTERDAM);
        assertThat(night.workingTimeBetween(sunday, sunday.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofHours(5));
        assertThat(night.addWorkingTime(sunday, Duration.ofHours(5))).isEqualTo(at("2026-03-29T06:00", AMSTERDAM));
    }

    @Test
    void aWorkingDayWithTheAutumnDaylightSavingChangeIsAnHourLonger() {
        BusinessCalendar night = sundayNight();
        Instant sunday = at("2026-10-25T00:00", AMSTERDAM);
        assertThat(night.workingTimeBetween(sunday, sunday.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void theSameLocalHoursAreDifferentInstantsInOtherTimeZones() {
        Instant monday = Instant.parse("2026-11-23T14:00:00Z");
        assertThat(officeHours(ZoneId.of("Asia/Kolkata"), Set.of()).isWorking(monday))
                .isFalse();
        assertThat(officeHours(AMSTERDAM, Set.of()).isWorking(monday)).isTrue();
        assertThat(officeHours(ZoneId.of("America/New_York"), Set.of()).isWorking(monday))
                .isTrue();
    }

    @Test
    void refusesOverlappingHoursAndNamesTheDay() {
        Outcome<BusinessCalendar> refused = BusinessCalendar.of(
                AMSTERDAM,
                Map.of(
                        DayOfWeek.WEDNESDAY,
                        List.of(
                                new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 30)),
                                new WorkingHours(LocalTime.of(12, 0), LocalTime.of(17, 0)))),
                Set.of());
        assertThat(refused)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        r -> assertThat(r.refusal().fields()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("week.wednesday");
                            assertThat(f.message()).contains("08:00-12:30").contains("overlap");
                        }));
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(17, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BusinessCalendar.of(AMSTERDAM, Map.of(), Set.of())).isInstanceOf(Outcome.Refused.class);
    }

    // --- properties over random calendars ----------------------------------------------------------------------

    private static BusinessCalendar randomCalendar(Random random) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(7) < 5) {
                int start = random.nextInt(20);
                int firstEnd = start + 1 + random.nextInt(Math.max(1, 22 - start - 1));
                List<WorkingHours> hours = new java.util.ArrayList<>();
                hours.add(new WorkingHours(LocalTime.of(start, random.nextInt(4) * 15), LocalTime.of(firstEnd, 0)));
                if (firstEnd < 22 && random.nextBoolean()) {
                    hours.add(new WorkingHours(LocalTime.of(firstEnd + 1, 0), LocalTime.of(23, 30)));
                }
                week.put(day, hours);
            }
        }
        if (week.isEmpty()) {
            week.put(DayOfWeek.MONDAY, List.of(new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        Set<LocalDate> holidays = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)));
        }
        return new BusinessCalendar(ZONES.get(random.nextInt(ZONES.size())), week, holidays, random.nextInt(10) == 0);
    }

    private static Instant randomStart(Random random) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(2L * 365 * 24 * 3600));
    }

    private static Duration randomWork(Random random) {
        return Duration.ofMinutes(1 + random.nextInt(60 * 80));
    }

    @RepeatedTest(300)
    void theWorkingTimeUntilTheDueTimeIsTheTarget() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        BusinessCalendar calendar = randomCalendar(random);
        Instant start = randomStart(random);
        Duration work = randomWork(random);

        Instant due = calendar.addWorkingTime(start, work);

        assertThat(calendar.workingTimeBetween(start, due))
                .as("%s, %s", Seeds.replay(seed), calendar)
                .isEqualTo(work);
        assertThat(calendar.isWorking(due.minusNanos(1)))
                .as("%s: due time ends working time", Seeds.replay(seed))
                .isTrue();
    }

    @RepeatedTest(300)
    void addingInTwoStepsEqualsAddingAtOnce() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        BusinessCalendar calendar = randomCalendar(random);
        Instant start = randomStart(random);
        Duration first = randomWork(random);
        Duration second = randomWork(random);

        assertThat(calendar.addWorkingTime(calendar.addWorkingTime(start, first), second))
                .as(Seeds.replay(seed))
                .isEqualTo(calendar.addWorkingTime(start, first.plus(second)));
    }

    @RepeatedTest(300)
    void moreWorkIsNeverDueEarlier() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        BusinessCalendar calendar = randomCalendar(random);
        Instant start = randomStart(random);
        Duration work = randomWork(random);

        assertThat(calendar.addWorkingTime(start, work.plusMinutes(1)))
                .as(Seeds.replay(seed))
                .isAfter(calendar.addWorkingTime(start, work));
        assertThat(calendar.workingTimeBetween(start, start.plus(work)))
                .as(Seeds.replay(seed))
                .isLessThanOrEqualTo(work);
    }

    @Test
    void aDueTimeNeverFallsOnAHoliday() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            BusinessCalendar calendar = randomCalendar(random);
            Instant due = calendar.addWorkingTime(randomStart(random), randomWork(random));
            if (!calendar.aroundTheClock()) {
                LocalDate day = ZonedDateTime.ofInstant(due.minusNanos(1), calendar.zone())
                        .toLocalDate();
                assertThat(calendar.holidays()).as("case %d", i).doesNotContain(day);
            }
        }
    }
}
