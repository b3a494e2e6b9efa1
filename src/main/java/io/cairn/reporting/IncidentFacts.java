package io.cairn.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One incident as a day's figures read it. */
record IncidentFacts(
        OffsetDateTime reported,
        @Nullable OffsetDateTime closed,
        String status,
        @Nullable OffsetDateTime occurred,
        @Nullable OffsetDateTime detected,
        @Nullable OffsetDateTime acknowledged,
        @Nullable OffsetDateTime responded,
        @Nullable OffsetDateTime contained,
        @Nullable OffsetDateTime eradicated,
        @Nullable OffsetDateTime recovered,
        @Nullable String unit,
        @Nullable String team,
        String categoryClass,
        String categoryType,
        int priority,
        String severity,
        @Nullable String detectionSource,
        long @Nullable [] sla,
        String @Nullable [] review,
        String @Nullable [] cost,
        String @Nullable [] costLines,
        @Nullable String asset,
        List<String> services,
        List<String> veris) {

    static IncidentFacts of(ResultSet row) throws SQLException {
        java.sql.Array sla = row.getArray("sla");
        return new IncidentFacts(
                row.getObject("reported_at", OffsetDateTime.class),
                row.getObject("closed_at", OffsetDateTime.class),
                row.getString("status"),
                row.getObject("occurred_at", OffsetDateTime.class),
                row.getObject("detected_at", OffsetDateTime.class),
                row.getObject("acknowledged_at", OffsetDateTime.class),
                row.getObject("responded_at", OffsetDateTime.class),
                row.getObject("contained_at", OffsetDateTime.class),
                row.getObject("eradicated_at", OffsetDateTime.class),
                row.getObject("recovered_at", OffsetDateTime.class),
                row.getString("unit"),
                row.getString("team"),
                row.getString("category_class"),
                row.getString("category_type"),
                row.getInt("priority"),
                row.getString("severity"),
                row.getString("detection_source"),
                sla == null
                        ? null
                        : java.util.Arrays.stream((Long[]) sla.getArray())
                                .mapToLong(Long::longValue)
                                .toArray(),
                row.getArray("review") == null
                        ? null
                        : (String[]) row.getArray("review").getArray(),
                row.getArray("cost") == null
                        ? null
                        : (String[]) row.getArray("cost").getArray(),
                row.getArray("cost_lines") == null
                        ? null
                        : (String[]) row.getArray("cost_lines").getArray(),
                row.getString("asset"),
                texts(row, "services"),
                texts(row, "veris"));
    }

    /** A column of text values, none when it is null. */
    private static List<String> texts(ResultSet row, String column) throws SQLException {
        java.sql.Array values = row.getArray(column);
        return values == null ? List.of() : List.of((String[]) values.getArray());
    }

    /** Adds the incident's costs and losses by category, as its latest DORA classification gives them. */
    private void addCostLines(DayFigures figures) {
        if (costLines == null) {
            return;
        }
        for (int line = 0; line < CostMetrics.ROWS.size(); line++) {
            if (costLines[2 * line] != null) {
                figures.costLines.add(
                        CostMetrics.ROWS.get(line),
                        new BigDecimal(costLines[2 * line]),
                        Boolean.parseBoolean(costLines[2 * line + 1]));
            }
        }
    }

    boolean serious() {
        return priority <= 2 || severity.equals("HIGH") || severity.equals("CRITICAL");
    }

    /** Adds what the metrics count of an incident on the day it was reported. */
    void addReported(DayFigures figures, LocalDate day, ZoneId zone) {
        figures.opened++;
        if (closed != null) {
            DayFigures.count(figures.closedAfter, (int)
                    ChronoUnit.DAYS.between(day, closed.atZoneSameInstant(zone).toLocalDate()));
        }
        boolean rooted = review != null;
        if (serious()) {
            figures.serious++;
            figures.seriousRooted += rooted ? 1 : 0;
            if (closed != null && status.equals("CLOSED")) {
                DayFigures.count(figures.seriousResolvedAfter, (int) ChronoUnit.DAYS.between(
                        day, closed.atZoneSameInstant(zone).toLocalDate()));
            }
        }
        figures.rooted += rooted ? 1 : 0;
        addAsTheyStand(figures);
        if (review != null && !review[0].equals("unknown")) {
            boolean recurs = review[1].equals("1");
            figures.recurrenceRooted++;
            figures.recurring += recurs ? 1 : 0;
            long[] cause = figures.rootCauses.computeIfAbsent(review[0], key -> new long[2]);
            cause[0]++;
            cause[1] += recurs ? 1 : 0;
        }
        if (cost != null) {
            figures.cost(new BigDecimal(cost[0]), Boolean.parseBoolean(cost[1]));
        }
        addCostLines(figures);
        if (sla != null && sla[DayFigures.CLOCKS] > 0) {
            long[] counts = figures.sla.computeIfAbsent(priority, p -> new long[DayFigures.SLA_COUNTS]);
            for (int c = 0; c < DayFigures.SLA_COUNTS; c++) {
                counts[c] += sla[c];
            }
        }
        addDetection(figures);
    }

    /** Adds the incident's detection: by its source, with the time to detect where known. */
    private void addDetection(DayFigures figures) {
        String source = detectionSource == null ? "unknown" : detectionSource.toLowerCase(java.util.Locale.ROOT);
        DayFigures.Detection detection = figures.detection.computeIfAbsent(source, s -> new DayFigures.Detection());
        detection.incidents++;
        Long ttd = between(occurred, detected);
        if (ttd != null) {
            detection.timed++;
            detection.detect.add(ttd);
        }
    }

    /** Adds what the maturity view counts of an incident as it stands now. */
    private void addAsTheyStand(DayFigures figures) {
        boolean dismissed = status.equals("DISMISSED");
        boolean triaged = !dismissed && !status.equals("NEW") && !status.equals("TRIAGE");
        figures.kept += dismissed ? 0 : 1;
        figures.prioritised += !dismissed && acknowledged != null ? 1 : 0;
        figures.triaged += triaged ? 1 : 0;
        figures.recorded += triaged && detectionSource != null ? 1 : 0;
        figures.settledClosed += closed != null && (dismissed || status.equals("CLOSED")) ? 1 : 0;
        if (unit != null) {
            figures.withUnit++;
            figures.units.add(unit);
        }
    }

    /** The measure's duration in microseconds, when it counts (begun, ended, not negative, closed for close). */
    @Nullable
    Long duration(DurationMetrics.Measure measure) {
        OffsetDateTime began = switch (measure) {
            case DETECT, DWELL -> occurred;
            case ACKNOWLEDGE, CLOSE -> reported;
            case RESPOND, CONTAIN, RECOVER -> detected != null ? detected : reported;
        };
        if (measure == DurationMetrics.Measure.CLOSE && !status.equals("CLOSED")) {
            return null;
        }
        return between(began, ended(measure));
    }

    @Nullable
    OffsetDateTime ended(DurationMetrics.Measure measure) {
        return switch (measure) {
            case DETECT -> detected;
            case ACKNOWLEDGE -> acknowledged;
            case RESPOND -> responded;
            case CONTAIN -> contained;
            case DWELL -> eradicated;
            case RECOVER -> recovered;
            case CLOSE -> closed;
        };
    }

    private static @Nullable Long between(@Nullable OffsetDateTime began, @Nullable OffsetDateTime ended) {
        if (began == null || ended == null || ended.isBefore(began)) {
            return null;
        }
        return ChronoUnit.MICROS.between(began, ended);
    }
}
