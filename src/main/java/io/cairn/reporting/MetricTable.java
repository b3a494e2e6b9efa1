package io.cairn.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A metric's figures as one table, the form the API, the CSV export and the dashboards all read, so that they show the
 * same numbers: named columns, and rows of values (numbers, texts, days, or null where a figure does not exist, such as
 * the median of no incidents). Durations are in seconds, shares in percent.
 *
 * @param metric the metric's name, such as {@code durations}
 * @param columns the columns' keys, in order
 * @param rows the rows, each a value per column
 */
public record MetricTable(String metric, List<String> columns, List<Map<String, @Nullable Object>> rows) {

    public MetricTable {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row)))
                .toList();
    }

    /** A table filled row by row. */
    static Builder of(String metric, String... columns) {
        return new Builder(metric, List.of(columns));
    }

    /** Fills a table row by row, each row's values in the columns' order. */
    static final class Builder implements MetricRows {
        private final String metric;
        private final List<String> columns;
        private final List<Map<String, @Nullable Object>> rows = new ArrayList<>();

        private Builder(String metric, List<String> columns) {
            this.metric = metric;
            this.columns = columns;
        }

        @Override
        public void row(@Nullable Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
            }
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i), values[i]);
            }
            rows.add(row);
        }

        /** Adds a row and goes on. */
        Builder rows(@Nullable Object... values) {
            row(values);
            return this;
        }

        MetricTable build() {
            return new MetricTable(metric, columns, rows);
        }
    }
}
