package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureStep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a run and its steps are due: an offset after a moment, which is the start of the step's phase (or of the run)
 * or, when the definition names a date field, the start of that date in the configured zone (a leaver's last day).
 */
record RunDueTimes(Map<String, String> values, ZoneId zone) {

    /** The due time of a step whose phase starts at {@code phaseStart}. */
    @Nullable
    Instant of(ProcedureStep step, Instant phaseStart) {
        return due(step.dueOffset(), step.dueFrom(), phaseStart);
    }

    /**
     * The due time of an offset after a date field's day, or after {@code start} without one; none without an offset,
     * nor for a zero offset without a date field (a step with no time of its own is not due the moment it opens).
     */
    @Nullable
    Instant due(Optional<Duration> offset, @Nullable String dateField, Instant start) {
        if (offset.isEmpty() || (offset.get().isZero() && dateField == null)) {
            return null;
        }
        Instant from = dateField == null ? start : dayOf(dateField).orElse(start);
        return from.plus(offset.get());
    }

    private Optional<Instant> dayOf(String dateField) {
        String value = values.get(dateField);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
