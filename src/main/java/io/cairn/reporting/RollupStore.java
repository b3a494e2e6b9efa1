package io.cairn.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored days of the roll-ups ({@code reporting_day}), read by their version: a day's figures are decoded once
 * and kept in a cache bounded by {@code cairn.reporting.rollup-cache-mb}, and read again only when a rebuild gave the
 * day a new version.
 */
@Component
class RollupStore {

    private record Key(String grouping, String value, LocalDate day, long version) {}

    private final JdbcClient jdbc;
    private final Cache<Key, DayFigures> cache;

    RollupStore(JdbcClient jdbc, @Value("${cairn.reporting.rollup-cache-mb:96}") long cacheMegabytes) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheMegabytes * 1024 * 1024)
                .weigher((Key key, DayFigures figures) -> figures.weight())
                .build();
    }

    /**
     * The stored figures from the first day to the last, but the days skipped, of the grouping's values (every value
     * when null) and, when asked, of all incidents.
     */
    Map<RollupGroup, Map<LocalDate, DayFigures>> stored(
            String grouping,
            String @Nullable [] values,
            boolean withAll,
            LocalDate from,
            LocalDate to,
            Set<LocalDate> skip) {
        Map<RollupGroup, Map<LocalDate, DayFigures>> figures = new HashMap<>();
        List<Key> missing = new ArrayList<>();
        jdbc.sql("select grouping, value, day, version from reporting_day where day >= ? and day <= ? and "
                        + "((grouping = ? and (? or value = any(?))) or (grouping = 'all' and ?))")
                .params(from, to, grouping, values == null, values == null ? new String[0] : values, withAll)
                .query(row -> {
                    Key key = key(row);
                    if (!skip.contains(key.day())) {
                        DayFigures cached = cache.getIfPresent(key);
                        if (cached == null) {
                            missing.add(key);
                        } else {
                            put(figures, key, cached);
                        }
                    }
                });
        load(missing, figures);
        return figures;
    }

    private void load(List<Key> missing, Map<RollupGroup, Map<LocalDate, DayFigures>> figures) {
        if (missing.isEmpty()) {
            return;
        }
        Set<Key> wanted = new java.util.HashSet<>(missing);
        jdbc.sql("select d.grouping, d.value, d.day, d.version, d.figures from reporting_day d join "
                        + "unnest(?::text[], ?::text[], ?::date[]) w (grouping, value, day) on d.grouping = w.grouping "
                        + "and d.value = w.value and d.day = w.day")
                .params(
                        missing.stream().map(Key::grouping).toArray(String[]::new),
                        missing.stream().map(Key::value).toArray(String[]::new),
                        missing.stream().map(key -> key.day().toString()).toArray(String[]::new))
                .query(row -> {
                    Key key = key(row);
                    if (wanted.contains(key)) {
                        DayFigures decoded = DayFigures.decode(row.getBytes("figures"));
                        cache.put(key, decoded);
                        put(figures, key, decoded);
                    }
                });
    }

    private static Key key(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Key(
                row.getString("grouping"),
                row.getString("value"),
                row.getObject("day", LocalDate.class),
                row.getLong("version"));
    }

    private static void put(Map<RollupGroup, Map<LocalDate, DayFigures>> figures, Key key, DayFigures day) {
        figures.computeIfAbsent(new RollupGroup(key.grouping(), key.value()), group -> new HashMap<>())
                .put(key.day(), day);
    }
}
