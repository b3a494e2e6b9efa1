package io.cairn.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The pieces of SQL and arithmetic the metrics share: a period's first day, instants, shares and figures. */
final class Periods {

    private Periods() {}

    /** The key of the row for the whole period, beside the rows of its periods. */
    static final String WHOLE = "all";

    /** The keys of the rows of a metric with a row per period and one for the whole: each period's start, then {@link #WHOLE}. */
    static List<String> keysAndWhole(MetricsFilter filter) {
        List<String> keys = new java.util.ArrayList<>();
        filter.periodStarts().forEach(start -> keys.add(start.toString()));
        keys.add(WHOLE);
        return keys;
    }

    /** The key of a row a grouping set gave: its period's start, or {@link #WHOLE} for the whole period. */
    static String key(@Nullable LocalDate period) {
        return period == null ? WHOLE : period.toString();
    }

    /**
     * The first day of the period, in the filter's zone, that the instant of the column falls in; its parameters are
     * {@link #bucketParameters}. The periods' first instants are computed once here rather than the zone's rules
     * applied to every row ({@code date_trunc} of the column at the zone took about as long as reading the row).
     * Each array is a sub-select so that it is read from its text once per statement, not once per row (the cast
     * from text is only stable, so PostgreSQL does not fold it into a constant).
     */
    static String bucket(MetricsFilter filter, String column) {
        return "((select ?::date[]))[width_bucket(" + column + ", (select ?::timestamptz[]))]";
    }

    /** The parameters of {@link #bucket}: the periods' first days, and their first instants. */
    static List<Object> bucketParameters(MetricsFilter filter) {
        List<LocalDate> starts = filter.periodStarts();
        return List.of(
                array(starts),
                array(starts.stream().map(day -> instant(filter, day)).toList()));
    }

    /**
     * The first instant after the period the column's instant falls in, or after the filter's last day if that is
     * sooner; its parameters are {@link #bucketEndParameters}.
     */
    static String bucketEnd(MetricsFilter filter, String column) {
        return "((select ?::timestamptz[]))[width_bucket(" + column + ", (select ?::timestamptz[]))]";
    }

    static List<Object> bucketEndParameters(MetricsFilter filter) {
        List<LocalDate> starts = filter.periodStarts();
        return List.of(
                array(starts.stream().map(day -> endOf(filter, day).toInstant()).toList()),
                array(starts.stream().map(day -> instant(filter, day)).toList()));
    }

    private static java.time.Instant instant(MetricsFilter filter, LocalDate day) {
        return day.atStartOfDay(filter.zone()).toInstant();
    }

    /** An array literal of days or instants (ISO-8601), the text of a {@code date[]} or {@code timestamptz[]}. */
    private static String array(List<?> values) {
        return values.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    static Timestamp start(MetricsFilter filter) {
        return Timestamp.from(filter.start());
    }

    static Timestamp end(MetricsFilter filter) {
        return Timestamp.from(filter.end());
    }

    /** The first instant after the period that starts on the day, or after the filter's last day if that is sooner. */
    static Timestamp endOf(MetricsFilter filter, LocalDate start) {
        LocalDate next = filter.period().next(start);
        return Timestamp.from(
                next.isAfter(filter.to())
                        ? filter.end()
                        : next.atStartOfDay(filter.zone()).toInstant());
    }

    /** The part in percent, to one decimal; null when there is no whole. */
    static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    /** A figure to one decimal, as every duration and share is given. */
    static @Nullable Double round(@Nullable Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    static @Nullable Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : round(value);
    }

    /** An instant column as ISO-8601 text, or null. */
    static @Nullable String instant(ResultSet row, String column) throws SQLException {
        java.time.OffsetDateTime time = row.getObject(column, java.time.OffsetDateTime.class);
        return time == null ? null : time.toInstant().toString();
    }

    /** The elements of a {@code double precision[]} column, such as two percentiles. */
    static List<@Nullable Double> numbers(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return java.util.Arrays.asList(null, null);
        }
        Double[] values = (Double[]) array.getArray();
        return java.util.Arrays.stream(values).map(Periods::round).toList();
    }
}
