package io.cairn.reporting;

import org.springframework.stereotype.Component;

/** Computes a metric's table: the one query layer behind the API, the CSV export and the dashboards. */
@Component
class Metrics {

    private final VolumeMetrics volume;
    private final DurationMetrics durations;
    private final BreakdownMetrics breakdown;
    private final DetectionMetrics detection;
    private final SeriousnessMetrics seriousness;
    private final SlaMetrics sla;
    private final BacklogMetrics backlog;

    Metrics(
            VolumeMetrics volume,
            DurationMetrics durations,
            BreakdownMetrics breakdown,
            DetectionMetrics detection,
            SeriousnessMetrics seriousness,
            SlaMetrics sla,
            BacklogMetrics backlog) {
        this.volume = volume;
        this.durations = durations;
        this.breakdown = breakdown;
        this.detection = detection;
        this.seriousness = seriousness;
        this.sla = sla;
        this.backlog = backlog;
    }

    MetricTable compute(Metric.Request request) {
        MetricsFilter filter = request.filter();
        return switch (request.metric()) {
            case VOLUME -> volume.volume(filter);
            case DURATIONS -> durations.durations(filter);
            case BREAKDOWN -> breakdown.breakdown(filter, request.by());
            case DETECTION -> detection.detection(filter);
            case SERIOUSNESS -> seriousness.seriousness(filter);
            case SLA -> sla.sla(filter, request.by());
            case SLA_BREACHES -> {
                MetricTable.Builder table =
                        MetricTable.of("sla-breaches", SlaMetrics.BREACH_COLUMNS.toArray(String[]::new));
                sla.breaches(filter, request.limit(), table);
                yield table.build();
            }
            case BACKLOG_AGE -> backlog.age(filter);
            case OLDEST_OPEN -> backlog.oldest(filter);
            case OVERDUE -> backlog.overdue(filter);
        };
    }

    /** The breaches of the filter, every one of them, written row by row (a CSV export of any length). */
    void allBreaches(MetricsFilter filter, MetricRows rows) {
        sla.breaches(filter, Integer.MAX_VALUE, rows);
    }
}
