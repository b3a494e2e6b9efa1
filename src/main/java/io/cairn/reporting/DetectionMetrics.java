package io.cairn.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Detection sources (MET-5): per source (automated, internal_human, external, or unknown for incidents from before it
 * was recorded), the incidents reported in the period, their share, and their time to detect (median and 90th
 * percentile, in seconds, of those whose occurrence is known); then the shares identified by a system and by people.
 */
@Component
class DetectionMetrics {

    private final JdbcClient jdbc;
    private final Rollups rollups;

    DetectionMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable detection(MetricsFilter filter) {
        List<Object[]> sources =
                rollups.read(filter, false).map(DetectionMetrics::rolledUp).orElseGet(() -> counted(filter));
        long total = sources.stream().mapToLong(source -> (Long) source[1]).sum();
        long automated = count(sources, "automated");
        long manual = count(sources, "internal_human") + count(sources, "external");
        MetricTable.Builder table =
                MetricTable.of("detection", "source", "incidents", "share", "timed", "ttdMedian", "ttdP90");
        for (Object[] source : sources) {
            table.row(source[0], source[1], Periods.share((Long) source[1], total), source[2], source[3], source[4]);
        }
        table.row("system-identified", automated, Periods.share(automated, total), null, null, null);
        table.row("manually-identified", manual, Periods.share(manual, total), null, null, null);
        return table.build();
    }

    /** Per source, from the roll-ups' days: the source, incidents, those timed, and the two percentiles. */
    private static List<Object[]> rolledUp(Rollups.Days days) {
        Map<String, List<DayFigures.Detection>> bySource = new TreeMap<>();
        days.all()
                .forEach(day -> day.detection.forEach((source, detection) ->
                        bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(detection)));
        List<Object[]> sources = new ArrayList<>();
        bySource.forEach((source, detections) -> {
            List<@Nullable Double> ttd = Durations.percentiles(
                    detections.stream().map(detection -> detection.detect).toList());
            sources.add(new Object[] {
                source,
                detections.stream().mapToLong(detection -> detection.incidents).sum(),
                detections.stream().mapToLong(detection -> detection.timed).sum(),
                ttd.get(0),
                ttd.get(1)
            });
        });
        return sources;
    }

    /** Per source, counted from the incidents. */
    private List<Object[]> counted(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select lower(coalesce(i.detection_source, 'unknown')) as source, count(*) as n, "
                + "count(*) filter (where i.detected_at >= i.occurred_at) as timed, "
                + "percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from i.detected_at - "
                + "i.occurred_at)::double precision) filter (where i.detected_at >= i.occurred_at) as ttd "
                + "from incident i where " + scope.condition()
                + " and i.reported_at >= ? and i.reported_at < ? group by 1 order by 1";
        List<Object[]> sources = new ArrayList<>();
        jdbc.sql(sql)
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    List<@Nullable Double> ttd = Periods.numbers(row, "ttd");
                    sources.add(new Object[] {
                        row.getString("source"), row.getLong("n"), row.getLong("timed"), ttd.get(0), ttd.get(1)
                    });
                });
        return sources;
    }

    private static long count(List<Object[]> sources, String source) {
        return sources.stream()
                .filter(row -> source.equals(row[0]))
                .mapToLong(row -> (Long) row[1])
                .sum();
    }
}
