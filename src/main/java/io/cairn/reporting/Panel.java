package io.cairn.reporting;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A part of a dashboard: a metric's table as the page shows it (headings and cells in the reader's language, each
 * cell with the API's value beside its text, a group's key left out for its name) and, for the chart drawn from it,
 * the table itself.
 *
 * @param key the panel's name, which names its chart and its texts ({@code dashboard.panel.<key>})
 * @param table the metric's table, as the API gives it
 */
record Panel(String key, MetricTable table, List<Heading> headings, List<List<Cell>> rows) {

    Panel {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A column's key and its heading. */
    record Heading(String key, String text) {}

    /** A value as the API gives it, and as people read it. */
    record Cell(@Nullable Object value, String text) {}

    /** The columns a page leaves out: a group's key (an id or a level), which its name beside it says for people. */
    static final String HIDDEN = "key";

    static Panel of(String key, MetricTable table, Figures figures) {
        List<String> shown = table.columns().stream()
                .filter(column -> !HIDDEN.equals(column))
                .toList();
        List<Heading> headings = shown.stream()
                .map(column -> new Heading(column, figures.message("metric.column." + column)))
                .toList();
        List<List<Cell>> rows = table.rows().stream()
                .map(row ->
                        shown.stream().map(column -> cell(column, row, figures)).toList())
                .toList();
        return new Panel(key, table, headings, rows);
    }

    private static Cell cell(String column, Map<String, @Nullable Object> row, Figures figures) {
        Object value = row.get(column);
        if (value != null && column.equals("regime")) {
            return new Cell(value, figures.name(value.toString()));
        }
        if (value != null && column.equals("stage")) {
            return new Cell(value, figures.name(row.get("regime") + "/" + value));
        }
        return new Cell(value, figures.text(column, value));
    }
}
