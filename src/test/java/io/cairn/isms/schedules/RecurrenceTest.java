package io.cairn.isms.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.handling.sla.BusinessCalendar;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private static Recurrence recurrence(String rule, String firstDay) {
        return recurrence(rule, firstDay, NINE, null, NonWorkingDay.NEXT_WORKING_DAY);
    }

    private static Recurrence recurrence(
            String rule, String firstDay, LocalTime time, @Nullable BusinessCalendar calendar, NonWorkingDay policy) {
        Outcome<Recurrence> outcome = Recurrence.of(rule, LocalDate.parse(firstDay), time, AMSTERDAM, calendar, policy);
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<Recurrence>) outcome).value();
    }

    private static List<LocalDateTime> localTimes(Recurrence recurrence, String from, int count) {
        return recurrence.from(Instant.parse(from), count).stream()
                .map(Recurrence.Occurrence::local)
                .toList();
    }

    private static Refusal refusal(String rule, String firstDay) {
        Outcome<Recurrence> outcome =
                Recurrence.of(rule, LocalDate.parse(firstDay), NINE, AMSTERDAM, null, NonWorkingDay.SKIP);
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<Recurrence>) outcome).refusal();
    }

    @Test
    void firesOnTheFirstMondayOfEachMonth() {
        Recurrence firstMonday = recurrence("FREQ=MONTHLY;BYDAY=1MO", "2026-12-01");

        assertThat(localTimes(firstMonday, "2026-12-01T00:00:00Z", 4))
                .containsExactly(
                        LocalDateTime.parse("2026-12-07T09:00"),
                        LocalDateTime.parse("2027-01-04T09:00"),
                        LocalDateTime.parse("2027-02-01T09:00"),
                        LocalDateTime.parse("2027-03-01T09:00"));
    }

    @Test
    void firesEveryQuarterOnTheFirstWeekday() {
        Recurrence quarterly = recurrence(SchedulePreset.QUARTERLY.rule(1, DayOfWeek.MONDAY), "2027-01-01");

        assertThat(localTimes(quarterly, "2026-12-01T00:00:00Z", 4))
                .containsExactly(
                        LocalDateTime.parse("2027-01-01T09:00"),
                        LocalDateTime.parse("2027-04-01T09:00"),
                        LocalDateTime.parse("2027-07-01T09:00"),
                        LocalDateTime.parse("2027-10-01T09:00"));
    }

    @Test
    void staysAtNineLocalAcrossTheDaylightSavingChangesOfMarchAndOctober() {
        Recurrence daily = recurrence("FREQ=DAILY", "2027-03-01");

        assertThat(daily.from(Instant.parse("2027-03-27T00:00:00Z"), 2))
                .extracting(Recurrence.Occurrence::at)
                .containsExactly(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(daily.from(Instant.parse("2027-10-30T00:00:00Z"), 2))
                .extracting(Recurrence.Occurrence::at)
                .containsExactly(Instant.parse("2027-10-30T07:00:00Z"), Instant.parse("2027-10-31T08:00:00Z"));
        assertThat(daily.from(Instant.parse("2027-10-30T00:00:00Z"), 2))
                .extracting(occurrence -> occurrence.local().toLocalTime())
                .containsOnly(NINE);
    }

    @Test
    void aTimeThatTheSpringChangeSkipsFiresAnHourLater() {
        Recurrence daily =
                recurrence("FREQ=DAILY", "2027-03-27", LocalTime.of(2, 30), null, NonWorkingDay.NEXT_WORKING_DAY);

        assertThat(daily.from(Instant.parse("2027-03-28T00:00:00Z"), 1))
                .extracting(Recurrence.Occurrence::at)
                .containsExactly(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void monthlyOnThe31stSkipsMonthsWithoutOneAndCrossesTheYearEnd() {
        Recurrence thirtyFirst = recurrence("FREQ=MONTHLY;BYMONTHDAY=31", "2027-08-01");

        assertThat(localTimes(thirtyFirst, "2027-08-01T00:00:00Z", 5))
                .extracting(LocalDateTime::toLocalDate)
                .containsExactly(
                        LocalDate.parse("2027-08-31"),
                        LocalDate.parse("2027-10-31"),
                        LocalDate.parse("2027-12-31"),
                        LocalDate.parse("2028-01-31"),
                        LocalDate.parse("2028-03-31"));
        assertThat(thirtyFirst.skipsShortMonths()).isTrue();
        assertThat(recurrence("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-08-01").skipsShortMonths())
                .isFalse();
    }

    @Test
    void movesAnOccurrenceOnAWeekendOrHolidayToTheNextWorkingDay() {
        BusinessCalendar officeDays = BusinessCalendar.workingDays(
                AMSTERDAM, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2027-05-10")));
        Recurrence saturdays =
                recurrence("FREQ=WEEKLY;BYDAY=SA", "2027-05-01", NINE, officeDays, NonWorkingDay.NEXT_WORKING_DAY);

        List<Recurrence.Occurrence> occurrences = saturdays.from(Instant.parse("2027-05-01T00:00:00Z"), 3);

        assertThat(occurrences)
                .extracting(occurrence -> occurrence.local().toLocalDate())
                .containsExactly(
                        LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-11"), LocalDate.parse("2027-05-17"));
        assertThat(occurrences.get(1).movedFrom()).isEqualTo(LocalDate.parse("2027-05-08"));
    }

    @Test
    void skipsAnOccurrenceOnANonWorkingDayWhenToldTo() {
        BusinessCalendar officeDays = BusinessCalendar.workingDays(
                AMSTERDAM, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2027-05-10")));
        Recurrence mondays = recurrence("FREQ=WEEKLY;BYDAY=MO", "2027-05-01", NINE, officeDays, NonWorkingDay.SKIP);

        assertThat(localTimes(mondays, "2027-05-01T00:00:00Z", 2))
                .extracting(LocalDateTime::toLocalDate)
                .containsExactly(LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-17"));
    }

    @Test
    void daysOfADailyRuleMovedOntoTheSameWorkingDayFireOnce() {
        BusinessCalendar officeDays =
                BusinessCalendar.workingDays(AMSTERDAM, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        Recurrence daily = recurrence("FREQ=DAILY", "2027-05-07", NINE, officeDays, NonWorkingDay.NEXT_WORKING_DAY);

        assertThat(localTimes(daily, "2027-05-07T00:00:00Z", 3))
                .extracting(LocalDateTime::toLocalDate)
                .containsExactly(
                        LocalDate.parse("2027-05-07"), LocalDate.parse("2027-05-10"), LocalDate.parse("2027-05-11"));
    }

    @Test
    void refusesTheThirtyFirstOfFebruaryAsNeverFiring() {
        assertThat(refusal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31", "2027-01-01").fields())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("recurrence");
                    assertThat(problem.message()).contains("never fires");
                });
        assertThat(refusal("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "2027-01-01").message())
                .contains("never fires");
    }

    @Test
    void refusesRulesThatDoNotParseQuotingTheParser() {
        assertThat(refusal("FREQ=FORTNIGHTLY", "2027-01-01").message())
                .isEqualTo("recurrence: is not an RFC 5545 recurrence rule: Unknown FREQ value FORTNIGHTLY");
        assertThat(refusal("BYDAY=MO", "2027-01-01").message()).contains("FREQ part is missing");
        assertThat(refusal(" ", "2027-01-01").message()).isEqualTo("recurrence: is required");
    }

    @Test
    void refusesRulesFinerThanDailyOrWithTimesOfDay() {
        assertThat(refusal("FREQ=HOURLY", "2027-01-01").message()).contains("more often than daily (FREQ=HOURLY)");
        assertThat(refusal("FREQ=MINUTELY;INTERVAL=5", "2027-01-01").message()).contains("more often than daily");
        assertThat(refusal("FREQ=DAILY;BYHOUR=9,17", "2027-01-01").message()).contains("BYHOUR");
    }

    @Test
    void refusesACountOfZeroAndAnUntilBeforeTheFirstDay() {
        assertThat(refusal("FREQ=WEEKLY;COUNT=0", "2027-01-01").message())
                .isEqualTo("recurrence: COUNT must be at least 1");
        assertThat(refusal("FREQ=WEEKLY;UNTIL=20261201T000000Z", "2027-01-01").message())
                .isEqualTo("recurrence: UNTIL 2026-12-01 lies before the first day 2027-01-01");
        assertThat(refusal("FREQ=WEEKLY;UNTIL=20261231", "2027-01-01").fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("recurrence");
    }

    @Test
    void endsAtUntilGivenAsADateOrInUtc() {
        assertThat(localTimes(recurrence("FREQ=WEEKLY;UNTIL=20270115", "2027-01-01"), "2027-01-01T00:00:00Z", 5))
                .hasSize(3);
        assertThat(localTimes(
                        recurrence("RRULE:FREQ=WEEKLY;UNTIL=20270115T080000Z", "2027-01-01"),
                        "2027-01-01T00:00:00Z",
                        5))
                .hasSize(3);
        assertThat(localTimes(recurrence("FREQ=WEEKLY;COUNT=2", "2027-01-01"), "2027-01-01T00:00:00Z", 5))
                .hasSize(2);
    }
}
