package io.cairn.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The management summary's key figures, each read from a panel's table (never queried apart), so that the summary,
 * the dashboards, the API and the CSV agree: what came in and went out, how fast, how well the SLAs and the
 * regulators' deadlines were kept, how serious it was, what it cost, and what is overdue.
 */
final class KeyFigures {

    private final List<Panel> panels;
    private final Figures figures;
    private final List<Dashboards.KeyFigure> all = new ArrayList<>();

    private KeyFigures(List<Panel> panels, Figures figures) {
        this.panels = panels;
        this.figures = figures;
    }

    static List<Dashboards.KeyFigure> of(List<Panel> panels, Figures figures) {
        KeyFigures key = new KeyFigures(panels, figures);
        key.throughput();
        key.quality();
        key.obligations();
        return List.copyOf(key.all);
    }

    /** What came in and went out, and how fast. */
    private void throughput() {
        MetricTable volume = table(panels, "volume");
        List<Map<String, @Nullable Object>> periods = volume.rows();
        add("opened", "count", sum(volume, "opened"));
        add("closed", "count", sum(volume, "closed"));
        add(
                "backlog",
                "count",
                periods.isEmpty() ? null : periods.get(periods.size() - 1).get("backlog"));
        MetricTable durations = table(panels, "durations");
        for (String measure : List.of("acknowledge", "contain", "close")) {
            add("median-" + measure, "median", whole(durations, measure).get("median"));
        }
    }

    /** How well the SLAs were kept, how serious it was, how it was found, whether it recurs and what it cost. */
    private void quality() {
        MetricTable sla = table(panels, "sla");
        add("response-met", "share", share(sum(sla, "responseMet"), sum(sla, "responseDecided")));
        add("resolution-met", "share", share(sum(sla, "resolutionMet"), sum(sla, "resolutionDecided")));
        MetricTable serious = table(panels, "seriousness");
        add("serious", "count", sum(serious, "serious"));
        add("serious-resolved", "share", share(sum(serious, "seriousResolved"), sum(serious, "serious")));
        add("root-cause", "share", share(sum(serious, "rootCause"), sum(serious, "incidents")));
        add(
                "system-identified",
                "share",
                row(table(panels, "detection"), "source", "system-identified").get("share"));
        MetricTable recurrence = table(panels, "recurrence");
        add("recurring", "share", share(sum(recurrence, "recurring"), sum(recurrence, "incidents")));
        add(
                "economic-impact",
                "totalEur",
                row(table(panels, "impact"), "period", Periods.WHOLE).get("totalEur"));
    }

    /** The regulators' deadlines, and what is overdue. */
    private void obligations() {
        MetricTable regulatory = table(panels, "regulatory");
        add("regulatory-on-time", "share", share(sum(regulatory, "onTime"), sum(regulatory, "submitted")));
        add("regulatory-overdue", "count", sum(regulatory, "overdue"));
        MetricTable overdue = table(panels, "overdue");
        add("overdue-risks", "count", row(overdue, "what", "risks").get("count"));
        add(
                "overdue-actions",
                "count",
                row(overdue, "what", "corrective-actions").get("count"));
    }

    private void add(String key, String kind, @Nullable Object value) {
        all.add(new Dashboards.KeyFigure(
                key, figures.message("dashboard.figure." + key), value, figures.text(kind, value)));
    }

    private static MetricTable table(List<Panel> panels, String key) {
        return panels.stream()
                .filter(panel -> panel.key().equals(key))
                .findFirst()
                .orElseThrow()
                .table();
    }

    private static long sum(MetricTable table, String column) {
        return table.rows().stream()
                .map(row -> row.get(column))
                .filter(Objects::nonNull)
                .mapToLong(value -> ((Number) value).longValue())
                .sum();
    }

    private static @Nullable Double share(long part, long whole) {
        return Periods.share(part, whole);
    }

    private static Map<String, @Nullable Object> whole(MetricTable durations, String measure) {
        return durations.rows().stream()
                .filter(row -> measure.equals(row.get("measure")) && Periods.WHOLE.equals(row.get("period")))
                .findFirst()
                .orElse(Map.of());
    }

    private static Map<String, @Nullable Object> row(MetricTable table, String column, String value) {
        return table.rows().stream()
                .filter(row -> value.equals(row.get(column)))
                .findFirst()
                .orElse(Map.of());
    }
}
