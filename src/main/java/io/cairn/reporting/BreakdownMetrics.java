package io.cairn.reporting;

import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents broken down by business unit, legal entity, team, category, priority, severity, detection source, asset,
 * service, or the category of their VERIS actors, actions or assets (MET-2, MET-5): per group, those opened (reported)
 * in the period, those closed in it, and those open at its end, the largest group first. An incident that affects two
 * services, or was described with two categories of action, counts for each.
 */
@Component
class BreakdownMetrics {

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final Rollups rollups;

    BreakdownMetrics(JdbcClient jdbc, IncidentManagement incidents, Rollups rollups) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.rollups = rollups;
    }

    MetricTable breakdown(MetricsFilter filter, Dimension by) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        MetricTable.Builder table = MetricTable.of("breakdown", "key", "label", "opened", "closed", "open");
        Optional<Map<@Nullable String, long[]>> rolled = by == Dimension.LEGAL_ENTITY
                ? rollups.perValue(filter, "business-unit").map(this::perEntity)
                : by.grouping().flatMap(grouping -> rollups.perValue(filter, grouping));
        if (rolled.isPresent()) {
            rows(by, rolled.get(), matrix, table);
            return table.build();
        }
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select " + by.key + " as key, min(" + by.label + ") as label, "
                + "count(*) filter (where i.reported_at >= ?) as opened, "
                + "count(*) filter (where i.closed_at >= ? and i.closed_at < ?) as closed, "
                + "count(*) filter (where i.closed_at is null or i.closed_at >= ?) as open "
                + "from incident i " + by.join + " where " + scope.condition()
                + " and i.reported_at < ? and coalesce(i.closed_at, 'infinity'::timestamptz) >= ? "
                + "group by 1 order by opened desc, open desc, (" + by.key + ") collate \"C\"";
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

    /**
     * The business units' sums added up per legal entity, as the units belong to them now (as counted from the
     * incidents); incidents without a unit, or of a unit without one, are of none.
     */
    private Map<@Nullable String, long[]> perEntity(Map<@Nullable String, long[]> units) {
        Map<String, String> entities = new HashMap<>();
        jdbc.sql(
                        "select id::text as unit, legal_entity::text as entity from business_unit where legal_entity is not null")
                .query(row -> {
                    entities.put(row.getString("unit"), row.getString("entity"));
                });
        Map<@Nullable String, long[]> sums = new HashMap<>();
        units.forEach((unit, counts) -> {
            long[] into = sums.computeIfAbsent(unit == null ? null : entities.get(unit), e -> new long[counts.length]);
            for (int c = 0; c < counts.length; c++) {
                into[c] += counts[c];
            }
        });
        return sums;
    }

    /** The rolled-up groups' rows, the most opened first, then the most open, then by key. */
    private void rows(
            Dimension by, Map<@Nullable String, long[]> rolled, PriorityMatrix matrix, MetricTable.Builder table) {
        Map<String, String> names = by.names(jdbc);
        List<Map.Entry<@Nullable String, long[]>> rows = new ArrayList<>(rolled.entrySet());
        rows.sort(Comparator.<Map.Entry<@Nullable String, long[]>>comparingLong(row -> -row.getValue()[0])
                .thenComparingLong(row -> -row.getValue()[2])
                .thenComparing(row -> by.key(row.getKey()), Comparator.nullsLast(Comparator.naturalOrder())));
        for (Map.Entry<@Nullable String, long[]> row : rows) {
            String key = by.key(row.getKey());
            String found = by.found(names, key);
            table.row(key, by.label(key, found, matrix), row.getValue()[0], row.getValue()[1], row.getValue()[2]);
        }
    }
}
