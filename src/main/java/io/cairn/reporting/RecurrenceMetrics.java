package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recurrence (MET-4). An incident recurs when a completed review found the same root cause (not "unknown") as the
 * completed review of an earlier incident reported within the recurrence window before it ({@code
 * cairn.recurrence.window}, six months by default), as the knowledge module flags them. Per period: the incidents,
 * those with a root cause, the recurring ones and their share. Per root cause: its incidents and recurrences in the
 * period, when its last corrective action was done, the incidents since, and whether it was stopped: it recurred
 * before that action, and a whole window passed after it without an incident of that cause.
 */
@Component
class RecurrenceMetrics {

    static final String ROOTED =
            "r.status = 'completed' and r.root_cause is not null " + "and r.root_cause <> 'unknown'";
    static final String RECURS = "exists (select 1 from incident_review e where e.status = 'completed' and "
            + "e.root_cause = r.root_cause and e.incident_id <> r.incident_id and e.incident_reported_at < "
            + "r.incident_reported_at and e.incident_reported_at >= r.incident_reported_at - ?::interval)";

    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final Period window;
    private final Clock clock;

    RecurrenceMetrics(
            JdbcClient jdbc, Rollups rollups, @Value("${cairn.recurrence.window:6m}") Period window, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.window = window;
        this.clock = clock;
    }

    MetricTable recurrence(MetricsFilter filter) {
        Map<LocalDate, long[]> counts = rollups.read(filter, false)
                .map(days -> days.perPeriod(filter, 3, (day, toEnd, sums) -> {
                    sums[0] += day.opened;
                    sums[1] += day.recurrenceRooted;
                    sums[2] += day.recurring;
                }))
                .orElseGet(() -> counted(filter));
        MetricTable.Builder table =
                MetricTable.of("recurrence", "period", "incidents", "rootCause", "recurring", "recurringShare");
        for (LocalDate start : filter.periodStarts()) {
            long[] c = counts.getOrDefault(start, new long[3]);
            table.row(start.toString(), c[0], c[1], c[2], Periods.share(c[2], c[0]));
        }
        return table.build();
    }

    /** Per period, from the incidents: incidents, with a root cause, recurring. */
    private Map<LocalDate, long[]> counted(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select " + Periods.bucket(filter, "i.reported_at") + " as period, count(*) as n, "
                + "count(r.incident_id) as rooted, count(r.incident_id) filter (where " + RECURS + ") as recurring "
                + "from incident i left join incident_review r on r.incident_id = i.id and " + ROOTED + " where "
                + scope.condition() + " and i.reported_at >= ? and i.reported_at < ? group by 1";
        Map<LocalDate, long[]> counts = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(
                        plus(Periods.bucketParameters(filter), window.toString()),
                        List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    counts.put(
                            row.getObject("period", LocalDate.class),
                            new long[] {row.getLong("n"), row.getLong("rooted"), row.getLong("recurring")});
                });
        return counts;
    }

    MetricTable rootCauses(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        Timestamp at = at(filter);
        Optional<Map<String, long[]>> rolled = rollups.read(filter, false).map(RecurrenceMetrics::perCause);
        String sql = "with counted as (" + countedSql(scope, rolled.isPresent()) + "), "
                + "acted as (select r.root_cause, max(a.done_at) as done from corrective_action a join "
                + "incident_review r on r.incident_id = a.incident_id where " + ROOTED + " and a.status = 'done' "
                + "and a.done_at < ? group by 1) select c.root_cause, rc.label, c.n, c.recurring, a.done, "
                + "(select count(*) from incident_review r where " + ROOTED + " and r.root_cause = c.root_cause and "
                + "r.incident_reported_at > a.done and r.incident_reported_at < ?) as since, "
                + "exists (select 1 from incident_review r where " + ROOTED + " and r.root_cause = c.root_cause and "
                + "r.incident_reported_at < a.done and " + RECURS + ") as before, "
                + "a.done + ?::interval <= ? as waited from counted c join root_cause rc on rc.key = c.root_cause "
                + "left join acted a on a.root_cause = c.root_cause order by c.n desc, c.root_cause";
        List<Object> parameters = counted(filter, scope, rolled);
        parameters.addAll(List.of(at, at, window.toString(), window.toString(), at));
        MetricTable.Builder table = MetricTable.of(
                "root-causes",
                "rootCause",
                "label",
                "incidents",
                "recurring",
                "lastActionDoneAt",
                "incidentsSinceAction",
                "stopped");
        jdbc.sql(sql).params(parameters).query(row -> {
            boolean acted = row.getObject("done") != null;
            table.row(
                    row.getString("root_cause"),
                    row.getString("label"),
                    row.getLong("n"),
                    row.getLong("recurring"),
                    Periods.instant(row, "done"),
                    acted ? row.getLong("since") : null,
                    acted && row.getBoolean("before") && row.getLong("since") == 0 && row.getBoolean("waited"));
        });
        return table.build();
    }

    /** The counted incidents per root cause: the rolled-up counts given, or counted from the incidents. */
    private static String countedSql(IncidentScope scope, boolean rolled) {
        return rolled
                ? "select * from unnest(?::text[], ?::bigint[], ?::bigint[]) c (root_cause, n, recurring)"
                : "select r.root_cause, count(*) as n, count(*) filter (where " + RECURS + ") as recurring from "
                        + "incident i join incident_review r on r.incident_id = i.id and " + ROOTED + " where "
                        + scope.condition() + " and i.reported_at >= ? and i.reported_at < ? group by 1";
    }

    /** The parameters of the counted incidents per root cause: the rolled-up counts, or what the query counts by. */
    private List<Object> counted(MetricsFilter filter, IncidentScope scope, Optional<Map<String, long[]>> rolled) {
        List<Object> parameters = new ArrayList<>();
        if (rolled.isPresent()) {
            parameters.add(rolled.get().keySet().toArray(String[]::new));
            parameters.add(rolled.get().values().stream().map(c -> c[0]).toArray(Long[]::new));
            parameters.add(rolled.get().values().stream().map(c -> c[1]).toArray(Long[]::new));
        } else {
            parameters.addAll(
                    scope.around(List.of(window.toString()), List.of(Periods.start(filter), Periods.end(filter))));
        }
        return parameters;
    }

    /** The incidents and recurring ones per root cause over the roll-ups' days (those with a root cause). */
    private static Map<String, long[]> perCause(Rollups.Days days) {
        Map<String, long[]> causes = new java.util.TreeMap<>();
        days.all()
                .forEach(day -> day.rootCauses.forEach((cause, counts) -> {
                    long[] sums = causes.computeIfAbsent(cause, c -> new long[2]);
                    sums[0] += counts[0];
                    sums[1] += counts[1];
                }));
        return causes;
    }

    private static List<Object> plus(List<Object> first, Object then) {
        List<Object> all = new ArrayList<>(first);
        all.add(then);
        return all;
    }

    private Timestamp at(MetricsFilter filter) {
        return Timestamp.from(filter.endOr(clock.instant()));
    }
}
