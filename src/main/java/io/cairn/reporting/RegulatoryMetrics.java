package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Regulatory timeliness (MET-8), per regime and stage, of the incidents the filter counts: the first reports submitted
 * in the period, how many before their deadline and the share, the median lead time before the deadline (seconds;
 * negative when late), how many late; and the stages open and overdue at the period's end (or now, if sooner). The
 * late reports with their delay reasons are listed by {@code late-submissions}.
 */
@Component
class RegulatoryMetrics {

    private static final String OPEN_STAGE = "s.required and o.closed_at is null and s.closed_at is null "
            + "and s.opened_at < ? and not exists (select 1 from compliance_submission x where "
            + "x.obligation_id = s.obligation_id and x.stage = s.stage and x.submitted_at < ?)";

    private final JdbcClient jdbc;
    private final Clock clock;

    RegulatoryMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    MetricTable timeliness(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        Timestamp at = at(filter);
        String sql = timelinessSql(scope);
        Timestamp start = Periods.start(filter);
        Timestamp end = Periods.end(filter);
        List<Object> before = new ArrayList<>(List.of(start, end, start, end, start, end, start, end));
        before.addAll(List.of(at, at, at, at, at));
        MetricTable.Builder table = MetricTable.of(
                "regulatory",
                "regime",
                "stage",
                "submitted",
                "onTime",
                "onTimeShare",
                "medianLead",
                "late",
                "open",
                "overdue");
        jdbc.sql(sql).params(scope.around(before, List.of())).query(row -> {
            long submitted = row.getLong("submitted");
            table.row(
                    row.getString("regime"),
                    row.getString("stage"),
                    submitted,
                    row.getLong("on_time"),
                    Periods.share(row.getLong("on_time"), submitted),
                    Periods.number(row, "lead"),
                    row.getLong("late"),
                    row.getLong("open"),
                    row.getLong("overdue"));
        });
        return table.build();
    }

    private static String timelinessSql(IncidentScope scope) {
        return "select o.regime, s.stage, "
                + "count(*) filter (where sub.submitted_at >= ? and sub.submitted_at < ?) as submitted, "
                + "count(*) filter (where sub.submitted_at >= ? and sub.submitted_at < ? and not sub.late) as on_time, "
                + "percentile_cont(0.5) within group (order by extract(epoch from sub.due_at - sub.submitted_at)"
                + "::double precision) filter (where sub.submitted_at >= ? and sub.submitted_at < ?) as lead, "
                + "count(*) filter (where sub.submitted_at >= ? and sub.submitted_at < ? and sub.late) as late, "
                + "count(*) filter (where " + OPEN_STAGE + ") as open, count(*) filter (where " + OPEN_STAGE
                + " and s.due_at < ?) as overdue from compliance_obligation_stage s join compliance_obligation o on "
                + "o.id = s.obligation_id join incident i on i.id = o.incident_id left join compliance_submission "
                + "sub on sub.obligation_id = s.obligation_id and sub.stage = s.stage and sub.sequence = 1 where "
                + scope.condition() + " group by 1, 2 order by 1, 2";
    }

    /** The reports submitted late in the period, with their delay reasons, the latest first. */
    void late(MetricsFilter filter, int limit, MetricRows rows) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select i.number, o.regime, sub.stage, sub.due_at, sub.submitted_at, sub.delay_reason from "
                + "compliance_submission sub join compliance_obligation o on o.id = sub.obligation_id join incident i "
                + "on i.id = o.incident_id where " + scope.condition() + " and sub.late and sub.submitted_at >= ? "
                + "and sub.submitted_at < ? order by sub.submitted_at desc, i.number desc limit ?";
        jdbc.sql(sql)
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.end(filter), limit)))
                .query(row -> {
                    rows.row(
                            "INC-" + row.getLong("number"),
                            row.getString("regime"),
                            row.getString("stage"),
                            Periods.instant(row, "due_at"),
                            Periods.instant(row, "submitted_at"),
                            row.getString("delay_reason"));
                });
    }

    static final List<String> LATE_COLUMNS =
            List.of("incident", "regime", "stage", "due", "submittedAt", "delayReason");

    private Timestamp at(MetricsFilter filter) {
        return Timestamp.from(filter.endOr(clock.instant()));
    }
}
