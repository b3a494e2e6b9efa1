package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The weekly counts of reported incidents (duplicates merged into another not counted) per category or business unit,
 * from the first week with an incident (at most {@link #MAX_WEEKS} back) through the last complete ISO week in the
 * reporting zone: the history a forecast is fitted on. A week without incidents of a series counts 0.
 */
@Component
class WeeklyCounts {

    static final int MAX_WEEKS = 3 * 52;

    /** A series: its key and name, its first week, and a count per week from it, oldest first. */
    record Series(String key, String label, LocalDate firstWeek, double[] counts) {}

    private final JdbcClient jdbc;
    private final ReportingSettings settings;
    private final Clock clock;

    WeeklyCounts(JdbcClient jdbc, ReportingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The Monday of the week after the last complete one: where the history stops. */
    LocalDate currentWeek() {
        return Granularity.WEEK.start(LocalDate.now(clock.withZone(settings.zone())));
    }

    List<Series> series(Dimension by) {
        LocalDate end = currentWeek();
        LocalDate start = end.minusWeeks(MAX_WEEKS);
        String zone = settings.zone().getId();
        String sql = "select " + by.key + " as key, min(" + by.label + ") as label, (date_trunc('week', i.reported_at "
                + "at time zone ?))::date as week, count(*) as n from incident i " + by.join
                + " where i.merged_into is null and i.reported_at >= ? and i.reported_at < ? group by 1, 3";
        Map<String, Map<LocalDate, Long>> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        LocalDate[] first = {end};
        jdbc.sql(sql).params(zone, at(start), at(end)).query(row -> {
            String key = row.getString("key") == null ? "" : row.getString("key");
            LocalDate week = row.getObject("week", LocalDate.class);
            counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(week, row.getLong("n"));
            String label = row.getString("label");
            labels.putIfAbsent(key, label == null ? "" : label);
            first[0] = week.isBefore(first[0]) ? week : first[0];
        });
        int weeks = (int) ChronoUnit.WEEKS.between(first[0], end);
        List<Series> all = new ArrayList<>();
        counts.forEach((key, perWeek) -> {
            double[] values = new double[weeks];
            perWeek.forEach((week, n) -> values[(int) ChronoUnit.WEEKS.between(first[0], week)] = n);
            all.add(new Series(key, labels.getOrDefault(key, ""), first[0], values));
        });
        return all;
    }

    private Timestamp at(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(settings.zone()).toInstant());
    }
}
