package io.cairn.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When a stage warns before it is due: at a share of its clock used ({@code 50%}: T-50 %), or a time before the due
 * instant ({@code PT12H}: T-12 h; {@code P7D}: T-7 d). Regime files may name a stage's thresholds; without them an
 * hour-scale clock warns at T-50 % and T-1 h, and at T-12 h too when it runs 72 hours or more, and a month-scale clock
 * (a calendar period) at T-7 d and T-2 d.
 *
 * @param percent the share of the clock used, 1 to 99; none for a time before
 * @param before the time before the due instant; none for a share
 */
public record WarningThreshold(
        @Nullable Integer percent, @Nullable Duration before) {

    private static final Pattern PERCENT = Pattern.compile("([1-9][0-9]?)%");

    public WarningThreshold {
        if ((percent == null) == (before == null)) {
            throw new IllegalArgumentException("a warning is a share of the clock or a time before it is due");
        }
        if (before != null && (before.isNegative() || before.isZero())) {
            throw new IllegalArgumentException("a warning comes before the due instant: " + before);
        }
    }

    /** The threshold a regime file writes ({@code 50%}, {@code PT1H}, {@code P7D}), or empty when it is none. */
    static Optional<WarningThreshold> parse(String text) {
        Matcher share = PERCENT.matcher(text.strip());
        if (share.matches()) {
            return Optional.of(new WarningThreshold(Integer.valueOf(share.group(1)), null));
        }
        try {
            Duration before = Duration.parse(text.strip());
            return before.isNegative() || before.isZero()
                    ? Optional.empty()
                    : Optional.of(new WarningThreshold(null, before));
        } catch (java.time.format.DateTimeParseException notADuration) {
            return Optional.empty();
        }
    }

    /** The threshold as regime files write it. */
    @Override
    public String toString() {
        return percent != null ? percent + "%" : String.valueOf(before);
    }

    /** The default thresholds of a clock: by its scale, and T-12 h for clocks of 72 hours or more. */
    static List<WarningThreshold> defaults(ClockRule clock) {
        if (clock instanceof ClockRule.CalendarPeriod) {
            return List.of(
                    new WarningThreshold(null, Duration.ofDays(7)), new WarningThreshold(null, Duration.ofDays(2)));
        }
        return List.of(
                new WarningThreshold(50, null),
                new WarningThreshold(null, Duration.ofHours(12)),
                new WarningThreshold(null, Duration.ofHours(1)));
    }

    /**
     * The instants at which the thresholds warn for a clock that started at {@code start} and is due at {@code due},
     * earliest first: only those after the start and before the due instant, and T-12 h only on a clock of 72 hours or
     * more (a shorter clock has its T-50 % nearby).
     */
    static List<Instant> instants(List<WarningThreshold> thresholds, Instant start, Instant due) {
        Duration span = Duration.between(start, due);
        TreeSet<Instant> instants = new TreeSet<>();
        for (WarningThreshold threshold : thresholds) {
            Integer percent = threshold.percent();
            Duration before = threshold.before();
            Instant at;
            if (percent != null) {
                at = start.plus(span.multipliedBy(percent).dividedBy(100));
            } else if (before == null
                    || before.equals(Duration.ofHours(12)) && span.compareTo(Duration.ofHours(72)) < 0) {
                continue;
            } else {
                at = due.minus(before);
            }
            if (at.isAfter(start) && at.isBefore(due)) {
                instants.add(at);
            }
        }
        return List.copyOf(instants);
    }
}
