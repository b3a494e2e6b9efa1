package io.cairn.reporting;

import java.util.List;
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
    private final RecurrenceMetrics recurrence;
    private final RegulatoryMetrics regulatory;
    private final ImpactMetrics impact;
    private final CostMetrics costs;

    Metrics(
            VolumeMetrics volume,
            DurationMetrics durations,
            BreakdownMetrics breakdown,
            DetectionMetrics detection,
            SeriousnessMetrics seriousness,
            SlaMetrics sla,
            BacklogMetrics backlog,
            RecurrenceMetrics recurrence,
            RegulatoryMetrics regulatory,
            ImpactMetrics impact,
            CostMetrics costs) {
        this.volume = volume;
        this.durations = durations;
        this.breakdown = breakdown;
        this.detection = detection;
        this.seriousness = seriousness;
        this.sla = sla;
        this.backlog = backlog;
        this.recurrence = recurrence;
        this.regulatory = regulatory;
        this.impact = impact;
        this.costs = costs;
    }

    MetricTable compute(Metric.Request request) {
        MetricsFilter filter = request.filter();
        return switch (request.metric()) {
            case VOLUME -> volume.volume(filter);
            case DURATIONS -> durations.durations(filter);
            case BREAKDOWN -> breakdown.breakdown(filter, request.by());
            case DETECTION -> detection.detection(filter);
            case SERIOUSNESS -> seriousness.seriousness(filter);
            case IMPACT -> impact.impact(filter);
            case COSTS -> costs.costs(filter);
            case SLA -> sla.sla(filter, request.by());
            case SLA_BREACHES, LATE_SUBMISSIONS -> {
                MetricTable.Builder table = MetricTable.of(
                        request.metric().code(), columns(request.metric()).toArray(String[]::new));
                list(request.metric(), filter, request.limit(), table);
                yield table.build();
            }
            case BACKLOG_AGE -> backlog.age(filter);
            case OLDEST_OPEN -> backlog.oldest(filter);
            case OVERDUE -> backlog.overdue(filter);
            case RECURRENCE -> recurrence.recurrence(filter);
            case ROOT_CAUSES -> recurrence.rootCauses(filter);
            case REGULATORY -> regulatory.timeliness(filter);
        };
    }

    /** The columns of a list metric. */
    static List<String> columns(Metric list) {
        return list == Metric.SLA_BREACHES ? SlaMetrics.BREACH_COLUMNS : RegulatoryMetrics.LATE_COLUMNS;
    }

    /** The records of a list metric, at most the limit, written row by row (a CSV export of any length). */
    void list(Metric list, MetricsFilter filter, int limit, MetricRows rows) {
        if (list == Metric.SLA_BREACHES) {
            sla.breaches(filter, limit, rows);
        } else {
            regulatory.late(filter, limit, rows);
        }
    }
}
