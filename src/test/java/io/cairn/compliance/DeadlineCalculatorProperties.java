package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.handling.sla.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The deadline calculator over many instants, weighted towards daylight-saving changes and month ends in Amsterdam and
 * New York: a later fact is never due earlier, nothing is due before its fact, DORA's bound always holds, a month
 * that lacks the fact's day ends on its last day, and business days land on working days.
 */
class DeadlineCalculatorProperties {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/New_York"));
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    private static final Set<LocalDate> HOLIDAYS =
            Set.of(LocalDate.parse("2025-12-25"), LocalDate.parse("2026-01-01"), LocalDate.parse("2025-07-04"));

    /** A zone and a clock of any kind that counts from the fact {@code f}. */
    record Case(ZoneId zone, ClockRule rule) {

        DeadlineCalculator calculator() {
            return new DeadlineCalculator(
                    zone,
                    BusinessCalendar.workingDays(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), HOLIDAYS));
        }

        Instant due(Instant fact, Instant bound) {
            Deadline deadline = calculator().due(rule, Map.of("f", fact, "b", bound));
            return ((Deadline.Due) deadline).at();
        }
    }

    @Property(tries = 400)
    void aLaterFactIsNeverDueEarlier(
            @ForAll("cases") Case clock,
            @ForAll("instants") Instant a,
            @ForAll("instants") Instant b,
            @ForAll("instants") Instant bound) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;

        assertThat(clock.due(later, bound)).isAfterOrEqualTo(clock.due(earlier, bound));
    }

    @Property(tries = 400)
    void nothingIsDueBeforeItsFact(
            @ForAll("cases") Case clock, @ForAll("instants") Instant fact, @ForAll("instants") Instant bound) {
        assertThat(clock.due(fact, bound)).isAfter(fact);
    }

    @Property(tries = 400)
    void doraIsDueNoLaterThanTheBoundUnlessClassifiedAfterIt(
            @ForAll("instants") Instant classified, @ForAll("instants") Instant aware) {
        Case dora = new Case(
                ZONES.get(0), new ClockRule.AfterButNoLaterThan("f", Duration.ofHours(4), "b", Duration.ofHours(24)));
        Instant bound = aware.plus(Duration.ofHours(24));

        Instant due = dora.due(classified, aware);

        if (classified.isAfter(bound)) {
            assertThat(due).isEqualTo(classified.plus(Duration.ofHours(4)));
        } else {
            assertThat(due).isBeforeOrEqualTo(bound).isBeforeOrEqualTo(classified.plus(Duration.ofHours(4)));
        }
        if (!classified.isAfter(bound)) {
            // within the bound a later awareness only moves the bound later; a classification past the bound has its
            // 4 hours alone, which a later awareness (a later bound) may cap again: not monotonic across the bound
            assertThat(dora.due(classified, bound.plusSeconds(1)))
                    .as("a later awareness")
                    .isAfterOrEqualTo(due);
        }
    }

    @Example
    void aClassificationJustPastTheBoundHasItsFourHoursWhichALaterAwarenessCapsAgain() {
        Case dora = new Case(
                ZONES.get(0), new ClockRule.AfterButNoLaterThan("f", Duration.ofHours(4), "b", Duration.ofHours(24)));
        Instant classified = Instant.parse("2024-01-02T20:00:02Z");

        assertThat(dora.due(classified, Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-03T00:00:02Z"));
        assertThat(dora.due(classified, Instant.parse("2024-01-02T00:00:01Z")))
                .isEqualTo(Instant.parse("2024-01-03T00:00:01Z"));
    }

    @Property(tries = 400)
    void aMonthThatLacksTheFactsDayEndsOnItsLastDay(
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant fact, @ForAll("months") int months) {
        Case clock = new Case(zone, new ClockRule.CalendarPeriod("f", Period.ofMonths(months), false));
        LocalDate from = fact.atZone(zone).toLocalDate();
        YearMonth target = YearMonth.from(from).plusMonths(months);

        LocalDate due = clock.due(fact, fact).atZone(zone).toLocalDate();

        if (from.getDayOfMonth() > target.lengthOfMonth()) {
            assertThat(due).isEqualTo(target.atEndOfMonth());
        } else {
            assertThat(due).isEqualTo(target.atDay(from.getDayOfMonth()));
        }
    }

    @Property(tries = 300)
    void businessDaysLandOnAWorkingDayWithExactlyThatManyAfterTheFact(
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant fact, @ForAll("days") int days) {
        Case clock = new Case(zone, new ClockRule.BusinessDays("f", days, LocalTime.of(23, 59)));
        BusinessCalendar calendar = clock.calculator().calendar();

        LocalDate due = clock.due(fact, fact).atZone(zone).toLocalDate();

        assertThat(calendar.isWorkingDay(due)).isTrue();
        assertThat(fact.atZone(zone)
                        .toLocalDate()
                        .datesUntil(due.plusDays(1))
                        .skip(1)
                        .filter(calendar::isWorkingDay)
                        .count())
                .isEqualTo(days);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ClockRule> rules = Arbitraries.oneOf(
                hours().map(h -> new ClockRule.After("f", h)),
                Combinators.combine(hours(), hours())
                        .as((offset, bound) -> new ClockRule.AfterButNoLaterThan("f", offset, "b", bound)),
                Combinators.combine(months(), Arbitraries.integers().between(0, 60), Arbitraries.of(true, false))
                        .as((m, d, yearEnd) ->
                                new ClockRule.CalendarPeriod("f", Period.of(0, m == 0 && d == 0 ? 1 : m, d), yearEnd)),
                Combinators.combine(days(), Arbitraries.of(LocalTime.of(23, 59), LocalTime.of(2, 30), LocalTime.MIN))
                        .as((d, time) -> new ClockRule.BusinessDays("f", d, time)),
                hours().map(h -> new ClockRule.WithoutUndueDelay("f", h)));
        return Combinators.combine(zones(), rules).as(Case::new);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<Integer> months() {
        return Arbitraries.integers().between(1, 14);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 12);
    }

    private static Arbitrary<Duration> hours() {
        return Arbitraries.integers().between(1, 24 * 40).map(Duration::ofHours);
    }

    /** Instants anywhere in four years, near a daylight-saving change, or near the end of a month. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs()
                .between(FROM.getEpochSecond(), UNTIL.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearChange = Combinators.combine(
                        Arbitraries.of(transitions()), Arbitraries.longs().between(-3 * 3600, 3 * 3600))
                .as((change, seconds) -> change.plusSeconds(seconds));
        Arbitrary<Instant> monthEnd = Combinators.combine(
                        Arbitraries.of(monthEnds()), Arbitraries.longs().between(-30 * 3600, 30 * 3600))
                .as((end, seconds) -> end.plusSeconds(seconds));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, anywhere),
                net.jqwik.api.Tuple.of(2, nearChange),
                net.jqwik.api.Tuple.of(2, monthEnd));
    }

    private static List<Instant> transitions() {
        List<Instant> changes = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            ZoneOffsetTransition change = zone.getRules().nextTransition(FROM);
            while (change != null && change.getInstant().isBefore(UNTIL)) {
                changes.add(change.getInstant());
                change = zone.getRules().nextTransition(change.getInstant());
            }
        }
        return changes;
    }

    private static List<Instant> monthEnds() {
        List<Instant> ends = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2024, 1);
                month.isBefore(YearMonth.of(2028, 1));
                month = month.plusMonths(1)) {
            ends.add(month.atEndOfMonth().plusDays(1).atStartOfDay(ZONES.get(0)).toInstant());
        }
        return ends;
    }
}
