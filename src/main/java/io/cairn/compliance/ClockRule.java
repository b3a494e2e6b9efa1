package io.cairn.compliance;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;

/**
 * How a stage's due instant follows from the instants of named facts: a regime's trigger (such as {@code awareness})
 * or the submission of another stage ({@code initial.submitted}).
 */
public sealed interface ClockRule {

    /** The facts the rule counts from; the clock runs once the first of them is known. */
    List<String> facts();

    /** The kind's name as regime files write it. */
    String kind();

    /** An absolute duration after a fact: 72 hours after awareness. */
    record After(String fact, Duration offset) implements ClockRule {

        public After {
            requirePositive(offset);
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }

        @Override
        public String kind() {
            return ClockKind.AFTER.code();
        }
    }

    /**
     * An offset after one fact but no later than a bound after another (DORA's initial notification: four hours after
     * the classification as major, no later than 24 hours after awareness). When the first fact comes only after the
     * bound has passed, the offset after it applies.
     */
    record AfterButNoLaterThan(String fact, Duration offset, String boundFact, Duration bound) implements ClockRule {

        public AfterButNoLaterThan {
            requirePositive(offset);
            requirePositive(bound);
        }

        @Override
        public List<String> facts() {
            return List.of(fact, boundFact);
        }

        @Override
        public String kind() {
            return ClockKind.AFTER_BUT_NO_LATER_THAN.code();
        }
    }

    /**
     * A calendar period (months, days) after a fact, counted in the regime's time zone; a month that has no such day
     * ends on its last day (31 January + 1 month = 28 or 29 February).
     *
     * @param fromYearEnd count from the end of the calendar year in which the fact lies (HIPAA's annual log)
     */
    record CalendarPeriod(String fact, Period period, boolean fromYearEnd) implements ClockRule {

        public CalendarPeriod {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a calendar period is positive: " + period);
            }
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }

        @Override
        public String kind() {
            return ClockKind.CALENDAR_PERIOD.code();
        }
    }

    /**
     * A number of business days after a fact on the regime's business calendar, due at a local time of the last one
     * (SEC 8-K: four business days after the materiality determination, by the end of the fourth).
     */
    record BusinessDays(String fact, int days, LocalTime dueTime) implements ClockRule {

        public BusinessDays {
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("business days between 1 and 365: " + days);
            }
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }

        @Override
        public String kind() {
            return ClockKind.BUSINESS_DAYS.code();
        }
    }

    /** No statutory time ("without undue delay"): the organisation's own target after the fact, flagged as such. */
    record WithoutUndueDelay(String fact, Duration target) implements ClockRule {

        public WithoutUndueDelay {
            requirePositive(target);
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }

        @Override
        public String kind() {
            return ClockKind.WITHOUT_UNDUE_DELAY.code();
        }
    }

    /** Due when an authority asked for it: the fact's instant is the due date the authority named (NIS2's intermediate). */
    record OnRequest(String fact) implements ClockRule {

        @Override
        public List<String> facts() {
            return List.of(fact);
        }

        @Override
        public String kind() {
            return ClockKind.ON_REQUEST.code();
        }
    }

    private static void requirePositive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a clock's duration is positive: " + duration);
        }
    }
}
