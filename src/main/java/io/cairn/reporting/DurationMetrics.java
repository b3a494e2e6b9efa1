package io.cairn.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timing metrics (MET-1): time to detect, acknowledge, respond, contain, recover and close, and the dwell time
 * (from occurrence to eradication), each as count, mean, median, 90th percentile and maximum in seconds, per period and for the whole period. A duration counts in the period in
 * which it ended (an incident contained in March counts in March's time to contain). Percentiles are continuous
 * (linear interpolation between the two nearest durations), as PostgreSQL's {@code percentile_cont} computes them; the
 * mean is rounded half up to a tenth from the exact sum of the durations' microseconds. The roll-ups give the same
 * figures ({@link Durations}).
 */
@Component
class DurationMetrics {

    /** What is measured: from which moment to which, for which incidents. */
    enum Measure {
        DETECT("i.occurred_at", "i.detected_at", "true"),
        ACKNOWLEDGE("i.reported_at", "i.acknowledged_at", "true"),
        RESPOND("coalesce(i.detected_at, i.reported_at)", "i.responded_at", "true"),
        CONTAIN("coalesce(i.detected_at, i.reported_at)", "i.contained_at", "true"),
        RECOVER("coalesce(i.detected_at, i.reported_at)", "i.recovered_at", "true"),
        CLOSE("i.reported_at", "i.closed_at", "i.status = 'CLOSED'"),
        DWELL("i.occurred_at", "i.eradicated_at", "true");

        final String from;
        final String to;
        final String which;

        Measure(String from, String to, String which) {
            this.from = from;
            this.to = to;
            this.which = which;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Rollups rollups;

    DurationMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable durations(MetricsFilter filter) {
        MetricTable.Builder table =
                MetricTable.of("durations", "measure", "period", "count", "mean", "median", "p90", "max");
        Map<String, Map<String, List<@Nullable Object>>> all = rollups.read(filter, false)
                .map(days -> rolledUp(filter, days))
                .orElseGet(() -> figures(filter, IncidentScope.of(filter)));
        for (Measure measure : Measure.values()) {
            Map<String, List<@Nullable Object>> figures = all.getOrDefault(measure.code(), Map.of());
            for (String period : Periods.keysAndWhole(filter)) {
                List<@Nullable Object> row = new ArrayList<>();
                row.add(measure.code());
                row.add(period);
                row.addAll(figures.getOrDefault(period, java.util.Arrays.asList(0L, null, null, null, null)));
                table.row(row.toArray());
            }
        }
        return table.build();
    }

    /** The figures of every measure, per period and for the whole period, from the roll-ups' days. */
    private static Map<String, Map<String, List<@Nullable Object>>> rolledUp(MetricsFilter filter, Rollups.Days days) {
        Map<String, Map<String, List<@Nullable Object>>> figures = new HashMap<>();
        Map<LocalDate, List<DayFigures>> periods = days.byPeriod(filter);
        for (Measure measure : Measure.values()) {
            Map<String, List<@Nullable Object>> ofMeasure = new HashMap<>();
            periods.forEach((start, ofPeriod) -> ofMeasure.put(
                    start.toString(),
                    Durations.figures(
                            ofPeriod.stream().map(day -> day.ended(measure)).toList())));
            ofMeasure.put(
                    Periods.WHOLE,
                    Durations.figures(
                            days.all().stream().map(day -> day.ended(measure)).toList()));
            figures.put(measure.code(), ofMeasure);
        }
        return figures;
    }

    /**
     * The figures of every measure, per period and for the whole period, in one reading of the incidents (each
     * incident gives a row per measure, kept when that measure ended in the period): a statement per measure would read
     * the incidents once per measure.
     */
    private Map<String, Map<String, List<@Nullable Object>>> figures(MetricsFilter filter, IncidentScope scope) {
        String rows = "select m.measure, " + Periods.bucket(filter, "m.ended")
                + " as period, extract(epoch from m.ended - m.began)::double precision as seconds, "
                + "(extract(epoch from m.ended - m.began) * 1000000)::bigint as micros from incident i "
                + "cross join lateral (values " + measures() + ") m (measure, began, ended, counted) where "
                + scope.condition() + " and m.counted and m.began is not null and m.ended >= ? and m.ended < ? "
                + "and m.ended >= m.began";
        String sql = "select measure, period, count(*) as n, sum(micros) as micros, percentile_cont(array[0.5, 0.9]) "
                + "within group (order by seconds) as percentiles, max(seconds) as longest from (" + rows
                + ") d group by grouping sets ((measure, period), (measure))";
        Map<String, Map<String, List<@Nullable Object>>> figures = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(
                        Periods.bucketParameters(filter), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    LocalDate period = row.getObject("period", LocalDate.class);
                    List<@Nullable Double> percentiles = Periods.numbers(row, "percentiles");
                    figures.computeIfAbsent(row.getString("measure"), measure -> new HashMap<>())
                            .put(
                                    Periods.key(period),
                                    java.util.Arrays.asList(
                                            row.getLong("n"),
                                            Durations.tenths(
                                                    row.getBigDecimal("micros").toBigIntegerExact(), row.getLong("n")),
                                            percentiles.get(0),
                                            percentiles.get(1),
                                            Periods.number(row, "longest")));
                });
        return figures;
    }

    /** A row of each measure: its code, from and to, and whether the incident counts (SQL {@code values} rows). */
    private static String measures() {
        StringBuilder measures = new StringBuilder();
        for (Measure measure : Measure.values()) {
            measures.append(measures.isEmpty() ? "" : ", ")
                    .append("('")
                    .append(measure.code())
                    .append("', ")
                    .append(measure.from)
                    .append(", ")
                    .append(measure.to)
                    .append(", ")
                    .append(measure.which)
                    .append(')');
        }
        return measures.toString();
    }
}
