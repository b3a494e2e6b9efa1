package io.cairn.reporting;

import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SLA performance (MET-6) of the incidents reported in the period, per priority, team, business unit (or any other
 * dimension): for the response and the resolution clock, how many were decided (met, or breached), how many were met
 * within their target and the share met, how many breached; and the near-breaches (met after their warning).
 * Clocks still running and not yet breached are not decided and not counted.
 */
@Component
class SlaMetrics {

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final Rollups rollups;

    SlaMetrics(JdbcClient jdbc, IncidentManagement incidents, Rollups rollups) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.rollups = rollups;
    }

    MetricTable sla(MetricsFilter filter, Dimension by) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        MetricTable.Builder table = MetricTable.of("sla", COLUMNS.toArray(String[]::new));
        if (rolledUp(filter, by, matrix, table)) {
            return table.build();
        }
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select " + by.key + " as key, min(" + by.label + ") as label, "
                + counts("response", true) + ", " + counts("resolution", true) + ", "
                + "count(*) filter (where " + NEAR
                + ") as near from sla_clock c join incident i on i.id = c.incident_id " + by.join + " where "
                + scope.condition() + " and i.reported_at >= ? and i.reported_at < ? group by 1 order by (" + by.key
                + ") collate \"C\"";
        jdbc.sql(sql)
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    String key = row.getString("key");
                    long[] counts = new long[DayFigures.SLA_COUNTS];
                    int c = DayFigures.RESPONSE_DECIDED;
                    for (String column : List.of(
                            "response_decided",
                            "response_met",
                            "response_breached",
                            "resolution_decided",
                            "resolution_met",
                            "resolution_breached",
                            "near")) {
                        counts[c++] = row.getLong(column);
                    }
                    row(table, key, by.label(key, row.getString("label"), matrix), counts);
                });
        return table.build();
    }

    /** Writes the rows from the roll-ups, when they can give them; whether they did. */
    private boolean rolledUp(MetricsFilter filter, Dimension by, PriorityMatrix matrix, MetricTable.Builder table) {
        Optional<Rollups.Days> days = by == Dimension.PRIORITY ? rollups.read(filter, false) : Optional.empty();
        if (days.isPresent()) {
            perPriority(days.get()).forEach((key, counts) -> row(table, key, by.label(key, key, matrix), counts));
            return true;
        }
        Optional<Map<RollupGroup, List<DayFigures>>> groups =
                by.grouping().flatMap(grouping -> rollups.byGroup(filter, grouping));
        if (groups.isPresent()) {
            Map<String, String> names = by.names(jdbc);
            perGroup(groups.get()).forEach((value, counts) -> {
                String key = by.key(value);
                row(table, key, by.label(key, by.found(names, key), matrix), counts);
            });
            return true;
        }
        return false;
    }

    /** The clocks' counts per priority (ordered as text, as the query orders them) over the roll-ups' days. */
    private static Map<String, long[]> perPriority(Rollups.Days days) {
        Map<String, long[]> priorities = new TreeMap<>();
        days.all()
                .forEach(day -> day.sla.forEach((priority, counts) -> {
                    long[] sums = priorities.computeIfAbsent(priority.toString(), p -> new long[DayFigures.SLA_COUNTS]);
                    for (int c = 0; c < counts.length; c++) {
                        sums[c] += counts[c];
                    }
                }));
        return priorities;
    }

    /**
     * The clocks' counts per group value (with, under null, those of the incidents without one: all less every
     * value's, when all were read), of the groups with a clock, ordered by value as the query orders its keys.
     */
    private static Map<@Nullable String, long[]> perGroup(Map<RollupGroup, List<DayFigures>> groups) {
        Map<@Nullable String, long[]> values = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<RollupGroup, long[]> sums = new java.util.HashMap<>();
        groups.forEach((group, days) -> {
            long[] summed = new long[DayFigures.SLA_COUNTS];
            days.forEach(day -> day.sla.values().forEach(counts -> {
                for (int c = 0; c < counts.length; c++) {
                    summed[c] += counts[c];
                }
            }));
            sums.put(group, summed);
        });
        sums.forEach((group, summed) -> {
            if (!group.equals(RollupGroup.ALL) && !group.isNoneOfSeveral()) {
                values.put(group.value(), summed);
            }
        });
        if (groups.containsKey(RollupGroup.ALL)) {
            values.put(null, RollupGroup.none(sums, DayFigures.SLA_COUNTS));
        }
        values.values().removeIf(counts -> counts[DayFigures.CLOCKS] == 0);
        return values;
    }

    /** A row of the table from a group's counts (as {@link DayFigures} orders them). */
    private static void row(MetricTable.Builder table, @Nullable String key, @Nullable String label, long[] c) {
        table.row(
                key,
                label,
                c[DayFigures.RESPONSE_DECIDED],
                c[DayFigures.RESPONSE_MET],
                Periods.share(c[DayFigures.RESPONSE_MET], c[DayFigures.RESPONSE_DECIDED]),
                c[DayFigures.RESPONSE_BREACHED],
                c[DayFigures.RESOLUTION_DECIDED],
                c[DayFigures.RESOLUTION_MET],
                Periods.share(c[DayFigures.RESOLUTION_MET], c[DayFigures.RESOLUTION_DECIDED]),
                c[DayFigures.RESOLUTION_BREACHED],
                c[DayFigures.NEAR]);
    }

    static final List<String> COLUMNS = List.of(
            "key",
            "label",
            "responseDecided",
            "responseMet",
            "responseMetShare",
            "responseBreached",
            "resolutionDecided",
            "resolutionMet",
            "resolutionMetShare",
            "resolutionBreached",
            "nearBreaches");

    /** A clock (alias {@code c}) decided: met, or breached. */
    static final String DECIDED = "(c.breached_at is not null or c.state = 'met')";
    /** A clock met within its target. */
    static final String MET = "(c.state = 'met' and c.breached_at is null)";
    /** A clock breached (whether it was met later or not). */
    static final String BREACHED = "(c.breached_at is not null)";
    /** A clock met within its target after its warning: a near-breach. */
    static final String NEAR = "(" + MET + " and c.warned_at is not null)";

    /** The counts of a kind of clock, in the order of {@link DayFigures}: decided, met, breached. */
    static String counts(String kind, boolean named) {
        StringBuilder counts = new StringBuilder();
        for (String[] count : new String[][] {{DECIDED, "decided"}, {MET, "met"}, {BREACHED, "breached"}}) {
            counts.append(counts.isEmpty() ? "" : ", ")
                    .append("count(*) filter (where c.kind = '")
                    .append(kind)
                    .append("' and ")
                    .append(count[0])
                    .append(')')
                    .append(named ? " as " + kind + "_" + count[1] : "");
        }
        return counts.toString();
    }

    /** The breached and nearly breached clocks of the incidents reported in the period, the latest first. */
    void breaches(MetricsFilter filter, int limit, MetricRows rows) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select i.number, c.kind, i.priority, t.name as team, bu.name as unit, c.due_at, c.breached_at, "
                + "c.met_at, case when c.breached_at is not null then 'breached' else 'near-breach' end as outcome "
                + "from sla_clock c join incident i on i.id = c.incident_id left join team t on t.id = i.team_id "
                + "left join business_unit bu on bu.id = i.business_unit_id where " + scope.condition()
                + " and i.reported_at >= ? and i.reported_at < ? and (c.breached_at is not null or (c.state = 'met' "
                + "and c.warned_at is not null)) order by i.reported_at desc, i.number desc, c.kind limit ?";
        PriorityMatrix matrix = incidents.priorityMatrix();
        jdbc.sql(sql)
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.end(filter), limit)))
                .query(row -> {
                    int priority = row.getInt("priority");
                    rows.row(
                            "INC-" + row.getLong("number"),
                            row.getString("kind"),
                            Dimension.priorityLabel(matrix, priority),
                            row.getString("team"),
                            row.getString("unit"),
                            Periods.instant(row, "due_at"),
                            Periods.instant(row, "breached_at"),
                            Periods.instant(row, "met_at"),
                            row.getString("outcome"));
                });
    }

    static final List<String> BREACH_COLUMNS =
            List.of("incident", "clock", "priority", "team", "businessUnit", "due", "breachedAt", "metAt", "outcome");
}
