package io.cairn.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The times and days the API takes: ISO 8601 text (an instant such as {@code 2026-11-22T10:15:00Z}, with {@code Z} or
 * an offset; a day such as {@code 2026-11-22}) from the start of 1970 to the end of 9999. No incident of a computer
 * system happened before 1970, and past 9999 ISO 8601 needs expanded years that few clients read; PostgreSQL would
 * store years far beyond either end (and a year like -999999 as {@code -infinity}), so the API sets the bounds.
 */
final class ApiTimes {

    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST =
            LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    static final String RANGE = "lies outside the years 1970 to 9999";

    private ApiTimes() {}

    /** Why the instant cannot be taken, if it lies outside the years the API takes. */
    static Optional<String> problemOf(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.of(RANGE) : Optional.empty();
    }

    /** Why the day cannot be taken, if it lies outside the years the API takes. */
    static Optional<String> problemOf(LocalDate day) {
        return day.getYear() < 1970 || day.getYear() > 9999 ? Optional.of(RANGE) : Optional.empty();
    }

    /**
     * The instant the text names, for query parameters.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is no ISO 8601 instant or lies outside the
     *     years the API takes
     */
    static Instant instant(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a time in ISO 8601 (such as " + "2026-11-22T10:15:00Z)");
        }
        problemOf(instant).ifPresent(problem -> {
            throw new IllegalArgumentException("'" + text + "' " + problem);
        });
        return instant;
    }
}
