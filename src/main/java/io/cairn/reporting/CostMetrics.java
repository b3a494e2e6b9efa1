package io.cairn.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The costs and losses by category (MET-2, RTS 2024/1772 Art. 7) of the incidents reported in the period, from the
 * latest DORA classification of each: per category in the RTS's order, the incidents with an amount above zero in it,
 * how many of those amounts are estimates, and their total in euros; then, as {@code unspecified}, the economic impact
 * of the classifications that give it without lines. Counted straight from the decision records, as they stand.
 */
@Component
class CostMetrics {

    /** The categories in the RTS's order; the compliance module records each as the input {@code cost-<category>-eur}. */
    static final List<String> CATEGORIES = List.of(
            "expropriated-funds",
            "replacement",
            "staff",
            "contractual-fees",
            "redress",
            "forgone-revenue",
            "communication",
            "advisory");

    /** The row of the economic impact recorded as a total only. */
    static final String UNSPECIFIED = "unspecified";

    static final String TOTAL = "economic-impact-eur";

    /** The rows of the metric: the categories in the RTS's order, then {@link #UNSPECIFIED}. */
    static final List<String> ROWS =
            Stream.concat(CATEGORIES.stream(), Stream.of(UNSPECIFIED)).toList();

    private final Rollups rollups;

    private final JdbcClient jdbc;

    CostMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable costs(MetricsFilter filter) {
        Map<String, List<Object>> figures =
                rollups.read(filter, false).map(CostMetrics::rolledUp).orElseGet(() -> figures(filter));
        MetricTable.Builder table = MetricTable.of("costs", "category", "incidents", "estimated", "totalEur");
        for (String category : ROWS) {
            List<Object> row = figures.getOrDefault(category, List.of(0L, 0L, BigDecimal.ZERO));
            table.row(category, row.get(0), row.get(1), row.get(2));
        }
        return table.build();
    }

    /** Per category, from the roll-ups' days of the period. */
    private static Map<String, List<Object>> rolledUp(Rollups.Days days) {
        CostLineFigures sum = new CostLineFigures();
        days.all().forEach(day -> sum.add(day.costLines));
        Map<String, List<Object>> figures = new HashMap<>();
        sum.lines.forEach((category, line) ->
                figures.put(category, List.of(line.incidents, line.estimated, ImpactMetrics.plainAmount(line.total))));
        return figures;
    }

    /** Per category that has any: the incidents with an amount above zero, those estimated, and the total. */
    private Map<String, List<Object>> figures(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        String lines = CATEGORIES.stream()
                .map(category -> "('" + category + "', '" + input(category) + "')")
                .collect(Collectors.joining(", "));
        String inputs = lineInputs();
        String sql = "with latest as (select distinct on (d.incident_id) d.inputs from compliance_decision d join "
                + "incident i on i.id = d.incident_id where d.kind = 'dora-major' and " + scope.condition()
                + " and i.reported_at >= ? and i.reported_at < ? order by d.incident_id, d.version desc), "
                + "amounts as (select c.category, l.inputs -> c.input as amount from latest l cross join (values "
                + lines + ") c(category, input) union all select '" + UNSPECIFIED + "', l.inputs -> '" + TOTAL
                + "' from latest l where not exists (select 1 from jsonb_object_keys(l.inputs) k where k in ("
                + inputs + "))), "
                + "valued as (select category, (amount ->> 'value')::numeric as value, "
                + "coalesce((amount ->> 'estimate')::boolean, false) as estimate from amounts where amount ->> 'value' "
                + "is not null) "
                + "select category, count(*) as incidents, count(*) filter (where estimate) as estimated, "
                + "sum(value) as total from valued where value > 0 group by category";
        Map<String, List<Object>> figures = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(List.of(), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    figures.put(
                            row.getString("category"),
                            List.of(
                                    row.getLong("incidents"),
                                    row.getLong("estimated"),
                                    ImpactMetrics.plainAmount(row.getBigDecimal("total"))));
                });
        return figures;
    }

    /** The inputs of the cost lines, quoted for SQL. */
    static String lineInputs() {
        return CATEGORIES.stream().map(category -> "'" + input(category) + "'").collect(Collectors.joining(", "));
    }

    static String input(String category) {
        return "cost-" + category + "-eur";
    }
}
