package io.cairn.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The economic impact (MET-2), per period, of the incidents reported in it: how many have costs and losses recorded,
 * how many of those are estimates, their total and the largest, in euros. An incident's amount is the economic impact
 * of its latest DORA classification (costs and losses) or, without one, the direct financial loss of its latest NIS2
 * significance assessment; the compliance module records both, with whether it is an estimate.
 */
@Component
class ImpactMetrics {

    /** The amount of an incident as jsonb ({@code value}, {@code estimate}, {@code basis}), when recorded. */
    static final String AMOUNT = "coalesce(" + latest("dora-major", "economic-impact-eur") + ", "
            + latest("nis2-significant", "direct-loss-eur") + ")";

    private final JdbcClient jdbc;
    private final Rollups rollups;

    ImpactMetrics(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    MetricTable impact(MetricsFilter filter) {
        Map<String, List<@Nullable Object>> figures =
                rollups.read(filter, false).map(days -> rolledUp(filter, days)).orElseGet(() -> figures(filter));
        MetricTable.Builder table = MetricTable.of("impact", "period", "costed", "estimated", "totalEur", "largestEur");
        for (String period : Periods.keysAndWhole(filter)) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(period);
            row.addAll(figures.getOrDefault(period, java.util.Arrays.asList(0L, 0L, BigDecimal.ZERO, null)));
            table.row(row.toArray());
        }
        return table.build();
    }

    /** The figures per period and for the whole period from the roll-ups' days. */
    private static Map<String, List<@Nullable Object>> rolledUp(MetricsFilter filter, Rollups.Days days) {
        Map<String, List<@Nullable Object>> figures = new HashMap<>();
        days.byPeriod(filter).forEach((start, ofPeriod) -> figures.put(start.toString(), sum(ofPeriod)));
        figures.put(Periods.WHOLE, sum(days.all()));
        return figures;
    }

    private static List<@Nullable Object> sum(List<DayFigures> days) {
        long costed = 0;
        long estimated = 0;
        BigDecimal total = BigDecimal.ZERO;
        @Nullable BigDecimal largest = null;
        for (DayFigures day : days) {
            costed += day.costed;
            estimated += day.costEstimated;
            total = total.add(day.costTotal);
            largest = DayFigures.larger(largest, day.costLargest);
        }
        return java.util.Arrays.asList(costed, estimated, plain(total), plain(largest));
    }

    /** An amount without trailing zeros, so that the roll-ups and the incidents write it alike; none stays none. */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal amount) {
        return amount == null ? null : plainAmount(amount);
    }

    /** An amount without trailing zeros, as the impact and costs metrics write their amounts. */
    static BigDecimal plainAmount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Per period and for the whole period: costed incidents, estimated ones, the total and the largest amount. */
    private Map<String, List<@Nullable Object>> figures(MetricsFilter filter) {
        IncidentScope scope = IncidentScope.of(filter);
        String sql = "select period, count(*) as costed, count(*) filter (where estimate) as estimated, "
                + "coalesce(sum(value), 0) as total, max(value) as largest from (select "
                + Periods.bucket(filter, "i.reported_at") + " as period, (a.amount ->> 'value')::numeric as value, "
                + "coalesce((a.amount ->> 'estimate')::boolean, false) as estimate from incident i cross join lateral "
                + "(select " + AMOUNT + " as amount) a where " + scope.condition() + " and i.id in (select incident_id "
                + "from compliance_decision where kind in ('dora-major', 'nis2-significant')) and a.amount is not "
                + "null and a.amount ->> 'value' is not null and i.reported_at >= ? and i.reported_at < ?) costs group by "
                + "grouping sets ((period), ())";
        Map<String, List<@Nullable Object>> figures = new HashMap<>();
        jdbc.sql(sql)
                .params(scope.around(
                        Periods.bucketParameters(filter), List.of(Periods.start(filter), Periods.end(filter))))
                .query(row -> {
                    LocalDate period = row.getObject("period", LocalDate.class);
                    figures.put(
                            Periods.key(period),
                            java.util.Arrays.asList(
                                    row.getLong("costed"),
                                    row.getLong("estimated"),
                                    plain(row.getBigDecimal("total")),
                                    plain(row.getBigDecimal("largest"))));
                });
        return figures;
    }

    /** The input of the incident's latest decision of a kind, as jsonb; null when none records it. */
    private static String latest(String kind, String input) {
        return "(select d.inputs -> '" + input
                + "' from compliance_decision d where d.incident_id = i.id and d.kind = '" + kind
                + "' order by d.version desc limit 1)";
    }
}
