package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Seeds;
import io.cairn.handling.SlaClockKind;
import io.cairn.handling.sla.BusinessCalendar.WorkingHours;
import io.cairn.incidents.IncidentId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks paused and resumed at random moments on random calendars (time zones with daylight-saving changes,
 * several stretches a day, holidays) keep their invariant: the working time used plus the working time left until
 * the due instant equals the target. Seeded random; the seed is in every failure message ({@link Seeds}).
 */
class SlaClockTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("UTC"));

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static BusinessCalendar randomCalendar(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        if (random.nextInt(6) == 0) {
            return BusinessCalendar.aroundTheClock(zone);
        }
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            List<WorkingHours> hours = new ArrayList<>();
            int minute = random.nextInt(10 * 60);
            for (int stretch = 0; stretch < 1 + random.nextInt(3) && minute < 23 * 60; stretch++) {
                int length = 15 + random.nextInt(6 * 60);
                int end = Math.min(minute + length, 24 * 60 - 1);
                hours.add(new WorkingHours(LocalTime.ofSecondOfDay(minute * 60L), LocalTime.ofSecondOfDay(end * 60L)));
                minute = end + 1 + random.nextInt(120);
            }
            week.put(day, hours);
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            week.put(DayOfWeek.WEDNESDAY, List.of(new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < random.nextInt(20); i++) {
            holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(500)));
        }
        return new BusinessCalendar(zone, week, holidays, false);
    }

    private static SlaPolicy.Target target(Duration target) {
        return new SlaPolicy.Target(target, target.multipliedBy(3).dividedBy(4), null);
    }

    @RepeatedTest(300)
    void pausingAndResumingAtRandomMomentsKeepsUsedPlusLeftEqualToTheTarget() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        BusinessCalendar calendar = randomCalendar(random);
        Duration target = Duration.ofMinutes(1 + random.nextInt(60 * 60));
        Instant now = START.plusSeconds(random.nextInt(365 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1_000L);
        SlaClock clock = SlaClock.start(IncidentId.random(), SlaClockKind.RESOLUTION, 2, target(target), calendar, now);
        String context = Seeds.replay(seed) + ", calendar " + calendar + ", target " + target;
        for (int step = 0; step < 12; step++) {
            Instant before = now;
            now = now.plusSeconds(random.nextInt(3 * 86_400)).plusNanos(random.nextInt(1_000_000) * 1_000L);
            if (clock.state() == SlaClock.State.RUNNING) {
                Duration used = clock.consumed(now, calendar);
                if (used.compareTo(target) < 0) {
                    assertThat(used.plus(calendar.workingTimeBetween(now, running(clock.dueAt()))))
                            .as(context + ", step " + step + " at " + now)
                            .isEqualTo(target);
                    assertThat(clock.remaining(now, calendar)).as(context).isEqualTo(target.minus(used));
                } else {
                    assertThat(clock.dueAt()).as(context).isBeforeOrEqualTo(now);
                    assertThat(clock.remaining(now, calendar)).as(context).isZero();
                }
                clock.pause(now, calendar);
                assertThat(clock.dueAt()).as(context).isNull();
                assertThat(clock.nextCheckAt()).as(context).isNull();
            } else {
                Duration used = clock.consumed(now, calendar);
                assertThat(used)
                        .as(context + ": a paused clock does not run")
                        .isEqualTo(clock.consumed(before, calendar));
                clock.resume(now, calendar);
                if (used.compareTo(target) < 0) {
                    assertThat(used.plus(calendar.workingTimeBetween(now, running(clock.dueAt()))))
                            .as(context)
                            .isEqualTo(target);
                }
            }
        }
    }

    @RepeatedTest(100)
    void theWarningFallsWhenTheWarningShareOfTheTargetIsUsed() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        BusinessCalendar calendar = randomCalendar(random);
        Duration target = Duration.ofMinutes(4 + random.nextInt(40 * 60));
        Instant start = START.plusSeconds(random.nextInt(365 * 86_400));
        SlaClock clock = SlaClock.start(IncidentId.random(), SlaClockKind.RESPONSE, 1, target(target), calendar, start);
        assertThat(calendar.workingTimeBetween(start, running(clock.warnAt())))
                .as(Seeds.replay(seed))
                .isEqualTo(target.multipliedBy(3).dividedBy(4));
        assertThat(clock.nextCheckAt()).as(Seeds.replay(seed)).isEqualTo(clock.warnAt());
        assertThat(clock.warningDue(running(clock.warnAt()))).isTrue();
        clock.warn(running(clock.warnAt()));
        assertThat(clock.nextCheckAt()).isEqualTo(clock.dueAt());
        assertThat(clock.breachDue(running(clock.dueAt()))).isTrue();
    }

    @Test
    void reprioritisingKeepsTheUsedTimeAndMovesTheDueInstant() {
        BusinessCalendar clock24x7 = BusinessCalendar.aroundTheClock(ZoneId.of("UTC"));
        SlaClock clock = SlaClock.start(
                IncidentId.random(), SlaClockKind.RESOLUTION, 3, target(Duration.ofHours(8)), clock24x7, START);
        Instant later = START.plus(Duration.ofHours(3));
        clock.retarget(1, target(Duration.ofHours(4)), clock24x7, clock24x7, later);
        assertThat(clock.consumed(later, clock24x7)).isEqualTo(Duration.ofHours(3));
        assertThat(clock.dueAt()).isEqualTo(START.plus(Duration.ofHours(4)));
        assertThat(clock.warnAt()).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void anUnacknowledgedBreachEscalatesAfterTheWaitAndAnAcknowledgementStopsIt() {
        BusinessCalendar clock24x7 = BusinessCalendar.aroundTheClock(ZoneId.of("UTC"));
        SlaClock clock = SlaClock.start(
                IncidentId.random(), SlaClockKind.RESPONSE, 1, target(Duration.ofHours(1)), clock24x7, START);
        Instant due = START.plus(Duration.ofHours(1));
        clock.breach(due, EscalationLevelId.random(), Duration.ofMinutes(30), Set.of());
        assertThat(clock.nextCheckAt()).isEqualTo(due.plus(Duration.ofMinutes(30)));
        assertThat(clock.escalationDue(due.plus(Duration.ofMinutes(30)))).isTrue();
        clock.acknowledge(due.plus(Duration.ofMinutes(10)), "ann");
        assertThat(clock.nextCheckAt()).isNull();
        assertThat(clock.escalationDue(due.plus(Duration.ofHours(5)))).isFalse();
    }

    /** The instant a running clock has; it has one while it runs. */
    private static Instant running(@Nullable Instant instant) {
        return Objects.requireNonNull(instant, "a running clock has its instants");
    }
}
