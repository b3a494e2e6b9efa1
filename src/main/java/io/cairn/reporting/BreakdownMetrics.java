package io.cairn.reporting;

import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents broken down by business unit, legal entity, team, category, priority, severity, detection source, asset
 * or service (MET-2, MET-5): per group, those opened (reported) in the period, those closed in it, and those open at
 * its end, the largest group first. An incident that affects two services counts for each.
 */
@Component
class BreakdownMetrics {

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;

    BreakdownMetrics(JdbcClient jdbc, IncidentManagement incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    MetricTable breakdown(MetricsFilter filter, Dimension by) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select " + by.key + " as key, min(" + by.label + ") as label, "
                + "count(*) filter (where i.reported_at >= ?) as opened, "
                + "count(*) filter (where i.closed_at >= ? and i.closed_at < ?) as closed, "
                + "count(*) filter (where i.closed_at is null or i.closed_at >= ?) as open "
                + "from incident i " + by.join + " where " + scope.condition()
                + " and i.reported_at < ? and coalesce(i.closed_at, 'infinity'::timestamptz) >= ? "
                + "group by 1 order by opened desc, open desc, key";
        PriorityMatrix matrix = incidents.priorityMatrix();
        MetricTable.Builder table = MetricTable.of("breakdown", "key", "label", "opened", "closed", "open");
        jdbc.sql(sql)
                .params(scope.around(
                        List.of(Periods.start(filter), Periods.start(filter), Periods.end(filter), Periods.end(filter)),
                        List.of(Periods.end(filter), Periods.start(filter))))
                .query(row -> {
                    String key = row.getString("key");
                    table.row(
                            key,
                            by.label(key, row.getString("label"), matrix),
                            row.getLong("opened"),
                            row.getLong("closed"),
                            row.getLong("open"));
                });
        return table.build();
    }
}
