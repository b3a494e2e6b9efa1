package io.cairn.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Volume and throughput (MET-2) per period: incidents opened (reported), closed (closed or dismissed), the backlog
 * open at the period's end, and how many of those opened in it were closed by its end.
 */
@Component
class VolumeMetrics {

    private final JdbcClient jdbc;
    private final Rollups rollups;

    VolumeMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable volume(MetricsFilter filter) {
        Optional<Rollups.Days> days = rollups.read(filter, true);
        Map<LocalDate, long[]> counts = days.map(rolled -> rolled.perPeriod(filter, 3, (day, toEnd, sums) -> {
                    sums[0] += day.opened;
                    sums[1] += DayFigures.under(day.closedAfter, toEnd);
                    sums[2] += day.closed;
                }))
                .orElseGet(() -> counted(filter));
        long backlog =
                days.isPresent() ? days.get().backlogAtStart() : backlogAtStart(filter, IncidentScope.of(filter));
        MetricTable.Builder table =
                MetricTable.of("volume", "period", "opened", "closed", "backlog", "closedOfOpened", "closedShare");
        for (LocalDate start : filter.periodStarts()) {
            long[] here = counts.getOrDefault(start, new long[3]);
            backlog += here[0] - here[2];
            table.row(start.toString(), here[0], here[2], backlog, here[1], Periods.share(here[1], here[0]));
        }
        return table.build();
    }

    /** Per period, counted from the incidents: opened, of those closed by the period's end, and closed. */
    private Map<LocalDate, long[]> counted(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        Map<LocalDate, long[]> opened = opened(filter, scope);
        Map<LocalDate, long[]> counts = new HashMap<>();
        perPeriod(filter, scope, "i.closed_at")
                .forEach((start, closed) -> counts.put(start, new long[] {0, 0, closed}));
        opened.forEach((start, here) -> {
            long[] sums = counts.computeIfAbsent(start, s -> new long[3]);
            sums[0] = here[0];
            sums[1] = here[1];
        });
        return counts;
    }

    /** Per period: the incidents reported in it, and of those the ones closed by its end. */
    private Map<LocalDate, long[]> opened(MetricsFilter filter, IncidentScope scope) {
        String bucket = Periods.bucket(filter, "i.reported_at");
        String sql = "select " + bucket + " as period, count(*) as opened, count(*) filter (where i.closed_at < "
                + Periods.bucketEnd(filter, "i.reported_at") + ") as closed from incident i where "
                + scope.condition() + " and i.reported_at >= ? and i.reported_at < ? group by 1";
        Map<LocalDate, long[]> counts = new HashMap<>();
        List<Object> before = new java.util.ArrayList<>();
        before.addAll(Periods.bucketParameters(filter));
        before.addAll(Periods.bucketEndParameters(filter));
        jdbc.sql(sql)
                .params(scope.around(before, List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    counts.put(
                            row.getObject("period", LocalDate.class),
                            new long[] {row.getLong("opened"), row.getLong("closed")});
                });
        return counts;
    }

    /**
     * Per period: the incidents whose instant in the column falls in it (a missing instant compared as infinity, so
     * that the closed ones of a period are a range of the index {@code incident_reporting_open}).
     */
    private Map<LocalDate, Long> perPeriod(MetricsFilter filter, IncidentScope scope, String column) {
        String ended = "coalesce(" + column + ", 'infinity'::timestamptz)";
        String sql = "select " + Periods.bucket(filter, column) + " as period, count(*) as n from incident i where "
                + scope.condition() + " and " + ended + " >= ? and " + ended + " < ? group by 1";
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(
                        Periods.bucketParameters(filter), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    counts.put(row.getObject("period", LocalDate.class), row.getLong("n"));
                });
        return counts;
    }

    /** The incidents open when the period starts: reported before it and not closed before it. */
    private long backlogAtStart(MetricsFilter filter, IncidentScope scope) {
        return jdbc.sql("select count(*) from incident i where " + scope.condition()
                        + " and i.reported_at < ? and coalesce(i.closed_at, 'infinity'::timestamptz) >= ?")
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.start(filter))))
                .query(Long.class)
                .single();
    }
}
