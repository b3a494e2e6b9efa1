package io.cairn.reporting;

import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backlog's age (MET-7), at the end of the period (or now, if that is sooner): the open incidents by age (under a
 * day, 1-7 days, 7-30, 30-90, over 90) and priority; the oldest open incident per team; and what else is overdue: the
 * corrective actions of reviews past their due day, the risks past their mitigation target, and the SLA clocks
 * breached and still running.
 */
@Component
class BacklogMetrics {

    private static final String AGE = "(?::timestamptz - i.reported_at)";

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final Rollups rollups;

    BacklogMetrics(JdbcClient jdbc, IncidentManagement incidents, Clock clock, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.incidents = incidents;
        this.clock = clock;
    }

    MetricTable age(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        Timestamp at = at(filter);
        String sql = "select i.priority, " + bucket("under1d", "0 days", "1 day") + ", "
                + bucket("d1to7", "1 day", "7 days") + ", " + bucket("d7to30", "7 days", "30 days") + ", "
                + bucket("d30to90", "30 days", "90 days") + ", count(*) filter (where " + AGE
                + " >= interval '90 days') as over90d, count(*) as total, min(i.reported_at) as oldest "
                + "from incident i where " + scope.condition()
                + " and i.reported_at < ? and coalesce(i.closed_at, 'infinity'::timestamptz) >= ? group by 1 order by 1";
        PriorityMatrix matrix = incidents.priorityMatrix();
        MetricTable.Builder table = MetricTable.of(
                "backlog-age",
                "priority",
                "label",
                "under1d",
                "d1to7",
                "d7to30",
                "d30to90",
                "over90d",
                "open",
                "oldestReportedAt");
        jdbc.sql(sql)
                .params(scope.around(java.util.Collections.nCopies(9, at), List.of(at, at)))
                .query(row -> {
                    int priority = row.getInt("priority");
                    table.row(
                            priority,
                            Dimension.priorityLabel(matrix, priority),
                            row.getLong("under1d"),
                            row.getLong("d1to7"),
                            row.getLong("d7to30"),
                            row.getLong("d30to90"),
                            row.getLong("over90d"),
                            row.getLong("total"),
                            Periods.instant(row, "oldest"));
                });
        return table.build();
    }

    /** A count of the open incidents whose age lies from the first interval up to the second ({@code ?}: twice). */
    private static String bucket(String name, String from, String to) {
        return "count(*) filter (where " + AGE + " >= interval '" + from + "' and " + AGE + " < interval '" + to
                + "') as " + name;
    }

    /** The oldest open incident of each team (no team: a row whose team is null), the oldest first. */
    MetricTable oldest(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        Timestamp at = at(filter);
        String sql = "select distinct on (i.team_id) i.team_id::text as team, t.name, i.number, i.reported_at, "
                + "count(*) over (partition by i.team_id) as open from incident i left join team t on t.id = i.team_id "
                + "where " + scope.condition()
                + " and i.reported_at < ? and coalesce(i.closed_at, 'infinity'::timestamptz) >= ? "
                + "order by i.team_id, i.reported_at, i.number";
        MetricTable.Builder table = MetricTable.of("oldest-open", "key", "label", "open", "oldest", "oldestReportedAt");
        jdbc.sql("select * from (" + sql + ") o order by reported_at")
                .params(scope.around(List.of(), List.of(at, at)))
                .query(row -> {
                    table.row(
                            row.getString("team"),
                            row.getString("name"),
                            row.getLong("open"),
                            "INC-" + row.getLong("number"),
                            Periods.instant(row, "reported_at"));
                });
        return table.build();
    }

    /** What is overdue at the end of the period or now: corrective actions, risks, and running breached clocks. */
    MetricTable overdue(MetricsFilter filter) {
        Timestamp at = at(filter);
        LocalDate day = at.toInstant().atZone(filter.zone()).toLocalDate();
        long actions = jdbc.sql("select count(*) from corrective_action where status = 'open' and due_on < ?")
                .param(day)
                .query(Long.class)
                .single();
        long risks = jdbc.sql("select count(*) from risk where status <> 'closed' and mitigation_target_at < ?")
                .param(day)
                .query(Long.class)
                .single();
        long clocks = breachedRunning(filter, at, day);
        return MetricTable.of("overdue", "what", "count")
                .rows("corrective-actions", actions)
                .rows("risks", risks)
                .rows("breached-clocks", clocks)
                .build();
    }

    /**
     * The SLA clocks of the filter's incidents breached before the moment and still running: from the roll-ups for
     * the days before the moment's day and from the clocks for that day, or all from the clocks.
     */
    private long breachedRunning(MetricsFilter filter, Timestamp at, LocalDate day) {
        IncidentScope scope = IncidentScope.of(filter);
        Optional<Long> before = rollups.breachedRunningBefore(filter, day);
        Timestamp from = before.isPresent()
                ? Timestamp.from(day.atStartOfDay(filter.zone()).toInstant())
                : null;
        return before.orElse(0L)
                + jdbc.sql("select count(*) from sla_clock c join incident i on i.id = c.incident_id where "
                                + scope.condition() + " and c.state <> 'met' and c.breached_at >= coalesce(?, "
                                + "'-infinity'::timestamptz) and c.breached_at < ?")
                        .params(scope.around(List.of(), java.util.Arrays.asList(from, at)))
                        .query(Long.class)
                        .single();
    }

    private Timestamp at(MetricsFilter filter) {
        return Timestamp.from(filter.endOr(clock.instant()));
    }
}
