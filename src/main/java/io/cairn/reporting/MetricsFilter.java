package io.cairn.reporting;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.incidents.DetectionSource;
import io.cairn.incidents.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents a metric counts and over which days: the period from the first to the last day (both included, in
 * the reporting zone), cut into periods of the granularity, and the filters, each absent when not given.
 *
 * @param categoryClass an RSIT class; with {@code categoryType} one of its types
 * @param priority a priority level of the matrix (1 is the highest)
 */
public record MetricsFilter(
        LocalDate from,
        LocalDate to,
        Granularity period,
        ZoneId zone,
        @Nullable BusinessUnitId businessUnit,
        @Nullable UUID legalEntity,
        @Nullable TeamId team,
        @Nullable String categoryClass,
        @Nullable String categoryType,
        @Nullable Integer priority,
        @Nullable Severity severity,
        @Nullable DetectionSource detectionSource) {

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The end of the period, or the moment given if that is sooner: when a snapshot of what is open is taken. */
    Instant endOr(Instant now) {
        return end().isBefore(now) ? end() : now;
    }

    /** The first days of the periods the days from {@code from} to {@code to} fall in, in order. */
    List<LocalDate> periodStarts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = period.start(from); !start.isAfter(to); start = period.next(start)) {
            starts.add(start);
        }
        return starts;
    }
}
