package io.cairn.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seriousness and root causes (MET-3) per period, of the incidents reported in it: how many were serious (priority 1
 * or 2, or severity high or critical), how many of those were resolved (closed, not dismissed) by the period's end,
 * and how many incidents, and serious ones, have a root cause identified in a completed review.
 */
@Component
class SeriousnessMetrics {

    static final String SERIOUS = "(i.priority <= 2 or i.severity in ('HIGH', 'CRITICAL'))";

    private final JdbcClient jdbc;
    private final Rollups rollups;

    SeriousnessMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable seriousness(MetricsFilter filter) {
        Map<LocalDate, long[]> counts = rollups.read(filter, false)
                .map(days -> days.perPeriod(filter, 5, (day, toEnd, sums) -> {
                    sums[0] += day.opened;
                    sums[1] += day.serious;
                    sums[2] += DayFigures.under(day.seriousResolvedAfter, toEnd);
                    sums[3] += day.rooted;
                    sums[4] += day.seriousRooted;
                }))
                .orElseGet(() -> counts(filter));
        MetricTable.Builder table = MetricTable.of(
                "seriousness",
                "period",
                "incidents",
                "serious",
                "seriousShare",
                "seriousResolved",
                "seriousResolvedShare",
                "rootCause",
                "rootCauseShare",
                "seriousRootCauseShare");
        for (LocalDate start : filter.periodStarts()) {
            long[] c = counts.getOrDefault(start, new long[5]);
            table.row(
                    start.toString(),
                    c[0],
                    c[1],
                    Periods.share(c[1], c[0]),
                    c[2],
                    Periods.share(c[2], c[1]),
                    c[3],
                    Periods.share(c[3], c[0]),
                    Periods.share(c[4], c[1]));
        }
        return table.build();
    }

    /** Per period: incidents, serious ones, serious ones resolved, with a root cause, serious with a root cause. */
    private Map<LocalDate, long[]> counts(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select " + Periods.bucket(filter, "i.reported_at") + " as period, count(*) as n, "
                + "count(*) filter (where " + SERIOUS + ") as serious, "
                + "count(*) filter (where " + SERIOUS + " and i.status = 'CLOSED' and i.closed_at < "
                + Periods.bucketEnd(filter, "i.reported_at") + ") as resolved, "
                + "count(r.incident_id) as rooted, count(r.incident_id) filter (where " + SERIOUS
                + ") as serious_rooted "
                + "from incident i left join incident_review r on r.incident_id = i.id and r.status = 'completed' "
                + "and r.root_cause is not null where " + scope.condition()
                + " and i.reported_at >= ? and i.reported_at < ? group by 1";
        List<Object> before = new ArrayList<>();
        before.addAll(Periods.bucketParameters(filter));
        before.addAll(Periods.bucketEndParameters(filter));
        Map<LocalDate, long[]> counts = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(before, List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    counts.put(row.getObject("period", LocalDate.class), new long[] {
                        row.getLong("n"),
                        row.getLong("serious"),
                        row.getLong("resolved"),
                        row.getLong("rooted"),
                        row.getLong("serious_rooted")
                    });
                });
        return counts;
    }
}
