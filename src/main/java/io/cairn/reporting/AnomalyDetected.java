package io.cairn.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A week's count of incidents of a category or business unit fell far outside the forecast made before it: more (or
 * fewer) incidents than the history explains. Coordinators are told.
 *
 * @param dimension {@code category} or {@code business-unit}
 * @param series the category's class or the business unit's id
 * @param label the category or the business unit as people read it
 * @param week the Monday of the week
 * @param actual the week's count
 * @param expected what the forecast expected
 * @param lower the lower end of the forecast's interval
 * @param upper its upper end
 */
public record AnomalyDetected(
        String dimension,
        String series,
        String label,
        LocalDate week,
        long actual,
        double expected,
        double lower,
        double upper,
        Instant at) {}
