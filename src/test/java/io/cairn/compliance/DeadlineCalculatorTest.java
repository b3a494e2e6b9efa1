package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.handling.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked examples of the requirements file, on the shipped regimes, and the edges of each kind of clock. */
class DeadlineCalculatorTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Deadline due(String regime, String stage, Map<String, Instant> facts) throws Exception {
        Regime shipped = RegimeReadingTest.shipped(regime + ".yaml");
        return DeadlineCalculator.of(shipped)
                .due(shipped.stage(stage).orElseThrow().clock(), facts);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant dueAt(Deadline deadline) {
        assertThat(deadline).isInstanceOf(Deadline.Due.class);
        return ((Deadline.Due) deadline).at();
    }

    private static LocalDate dueDate(Deadline deadline, String zone) {
        return dueAt(deadline).atZone(ZoneId.of(zone)).toLocalDate();
    }

    @Test
    void gdprTheSupervisoryAuthorityIsDue72HoursAfterAwareness() throws Exception {
        assertThat(dueAt(due("gdpr", "supervisory-authority", Map.of("awareness", at("2025-03-07T10:00:00Z")))))
                .isEqualTo(at("2025-03-10T10:00:00Z"));
    }

    @Test
    void gdprTheDataSubjectsAreDueWithoutUndueDelayAtTheInternalTarget() throws Exception {
        assertThat(due("gdpr", "data-subjects", Map.of("awareness", at("2025-03-07T10:00:00Z"))))
                .isEqualTo(new Deadline.Due(at("2025-03-10T10:00:00Z"), true));
        assertThat(due("gdpr", "controller", Map.of("processor-awareness", at("2025-03-07T10:00:00Z"))))
                .isEqualTo(new Deadline.Due(at("2025-03-08T10:00:00Z"), true));
    }

    @Test
    void nis2EarlyWarningNotificationAndTheFinalReportAMonthAfterTheNotification() throws Exception {
        Map<String, Instant> aware = Map.of("awareness", at("2025-05-02T08:00:00Z"));
        assertThat(dueAt(due("nis2", "early-warning", aware))).isEqualTo(at("2025-05-03T08:00:00Z"));
        assertThat(dueAt(due("nis2", "notification", aware))).isEqualTo(at("2025-05-05T08:00:00Z"));
        assertThat(due("nis2", "final", aware)).isEqualTo(new Deadline.NotYetRunning("notification.submitted"));
        assertThat(dueDate(
                        due("nis2", "final", Map.of("notification.submitted", at("2025-01-31T09:00:00Z"))),
                        "Europe/Amsterdam"))
                .isEqualTo(LocalDate.parse("2025-02-28"));
        assertThat(dueAt(due("nis2", "intermediate", Map.of("intermediate-due", at("2025-06-01T12:00:00Z")))))
                .isEqualTo(at("2025-06-01T12:00:00Z"));
    }

    @Test
    void doraInitialIsFourHoursAfterClassificationButNoLaterThan24HoursAfterAwareness() throws Exception {
        assertThat(dueAt(due(
                        "dora",
                        "initial",
                        Map.of("awareness", at("2025-03-03T06:00:00Z"), "dora-major", at("2025-03-03T12:00:00Z")))))
                .isEqualTo(at("2025-03-03T16:00:00Z"));
        assertThat(dueAt(due(
                        "dora",
                        "initial",
                        Map.of("awareness", at("2025-03-03T06:00:00Z"), "dora-major", at("2025-03-04T04:00:00Z")))))
                .as("the bound: 24 hours after awareness")
                .isEqualTo(at("2025-03-04T06:00:00Z"));
        assertThat(dueAt(due(
                        "dora",
                        "initial",
                        Map.of("awareness", at("2025-03-03T06:00:00Z"), "dora-major", at("2025-03-04T08:00:00Z")))))
                .as("classified after the 24 hours: four hours after the classification")
                .isEqualTo(at("2025-03-04T12:00:00Z"));
        assertThat(due("dora", "initial", Map.of("awareness", at("2025-03-03T06:00:00Z"))))
                .isEqualTo(new Deadline.NotYetRunning("dora-major"));
    }

    @Test
    void doraIntermediateAndFinalCountFromTheSubmissions() throws Exception {
        assertThat(dueAt(due("dora", "intermediate", Map.of("initial.submitted", at("2025-03-03T15:00:00Z")))))
                .isEqualTo(at("2025-03-06T15:00:00Z"));
        assertThat(dueDate(
                        due("dora", "final", Map.of("intermediate.submitted", at("2025-03-31T10:00:00Z"))),
                        "Europe/Amsterdam"))
                .isEqualTo(LocalDate.parse("2025-04-30"));
    }

    @Test
    void secIsDueFourUsFederalBusinessDaysAfterTheMaterialityDetermination() throws Exception {
        Deadline thursday = due("sec-8k", "item-1-05", Map.of("materiality-determined", at("2025-06-05T15:00:00Z")));
        assertThat(dueAt(thursday).atZone(ZoneId.of("America/New_York")))
                .isEqualTo(ZonedDateTime.parse("2025-06-11T23:59:00-04:00[America/New_York]"));
        assertThat(dueDate(
                        due("sec-8k", "item-1-05", Map.of("materiality-determined", at("2025-07-03T15:00:00Z"))),
                        "America/New_York"))
                .as("Independence Day is no business day")
                .isEqualTo(LocalDate.parse("2025-07-10"));
    }

    @Test
    void hipaaIndividualsSixtyDaysAfterDiscoveryAndTheAnnualLogSixtyDaysAfterTheYear() throws Exception {
        assertThat(dueDate(
                        due("hipaa", "individuals", Map.of("discovery", at("2025-03-15T14:00:00Z"))),
                        "America/New_York"))
                .isEqualTo(LocalDate.parse("2025-05-14"));
        assertThat(dueAt(due("hipaa", "hhs-annual", Map.of("discovery", at("2025-06-01T14:00:00Z")))))
                .isEqualTo(ZonedDateTime.parse("2026-03-02T00:00:00-05:00[America/New_York]")
                        .toInstant());
    }

    @Test
    void aDueTimeThatSummerTimeSkipsIsDueAtTheEndOfTheSkippedHour() {
        DeadlineCalculator calculator = new DeadlineCalculator(
                AMSTERDAM,
                BusinessCalendar.workingDays(AMSTERDAM, java.util.EnumSet.allOf(java.time.DayOfWeek.class), Set.of()));
        Instant fact = ZonedDateTime.parse("2025-01-29T02:30:00+01:00[Europe/Amsterdam]")
                .toInstant();

        assertThat(dueAt(
                        calculator.due(new ClockRule.CalendarPeriod("f", Period.ofDays(60), false), Map.of("f", fact))))
                .isEqualTo(at("2025-03-30T01:00:00Z"));
    }

    @Test
    void aFactInTheSecondOccurrenceOfARepeatedHourCountsFromItsEnd() {
        DeadlineCalculator calculator = new DeadlineCalculator(
                AMSTERDAM,
                BusinessCalendar.workingDays(AMSTERDAM, java.util.EnumSet.allOf(java.time.DayOfWeek.class), Set.of()));
        ClockRule.CalendarPeriod month = new ClockRule.CalendarPeriod("f", Period.ofMonths(1), false);
        Instant first = at("2025-10-26T00:45:00Z"); // 02:45 summer time
        Instant second = at("2025-10-26T01:30:00Z"); // 02:30 winter time, 45 minutes later

        Instant firstDue = dueAt(calculator.due(month, Map.of("f", first)));
        Instant secondDue = dueAt(calculator.due(month, Map.of("f", second)));

        assertThat(firstDue.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(2, 45));
        assertThat(secondDue.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(secondDue).isAfter(firstDue);
    }

    @Test
    void aWorkingDayCalendarCountsWholeDaysAndSkipsHolidays() {
        BusinessCalendar calendar = BusinessCalendar.workingDays(
                AMSTERDAM,
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                Set.of(LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26")));

        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-24"), 1)).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-27"), 2)).isEqualTo(LocalDate.parse("2025-12-30"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-12-25"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-24"), 0)).isEqualTo(LocalDate.parse("2025-12-24"));
    }
}
