package io.cairn.risks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The heat map and the severity trend as the charts of the heat-map page draw them, as JSON that the page carries
 * in a data block (the page allows no inline script): the levels and severities by their names in the reader's
 * language, one bubble per cell that holds risks, one series of month-end counts per severity.
 */
@Component
class RiskChartData {

    private final MessageSource messages;
    private final ObjectMapper json;

    RiskChartData(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String json(HeatMap map, SeverityTrend trend, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("likelihoods", names(map.likelihoods(), locale));
        data.put("impacts", names(map.impacts(), locale));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int l = 0; l < map.likelihoods().size(); l++) {
            for (int i = 0; i < map.impacts().size(); i++) {
                long count = map.current().get(l).get(i);
                if (count > 0) {
                    cells.add(Map.of(
                            "x",
                            name(map.impacts().get(i), locale),
                            "y",
                            name(map.likelihoods().get(l), locale),
                            "count",
                            count,
                            "rank",
                            trend.severities().indexOf(map.severities().get(l).get(i)) + 1));
                }
            }
        }
        data.put("cells", cells);
        data.put(
                "months",
                trend.months().stream().map(month -> month.month().toString()).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (String severity : trend.severities()) {
            series.add(Map.of(
                    "label", name(severity, locale),
                    "rank", trend.severities().indexOf(severity) + 1,
                    "counts",
                            trend.months().stream()
                                    .map(month -> month.counts().getOrDefault(severity, 0L))
                                    .toList()));
        }
        data.put("severities", series);
        data.put("levels", trend.severities().size());
        return io.cairn.shared.ScriptJson.of(json, data);
    }

    private List<String> names(List<String> labels, Locale locale) {
        return labels.stream().map(label -> name(label, locale)).toList();
    }

    /** A level's or severity's name in the reader's language; a configured label without a translation as it is. */
    String name(String label, Locale locale) {
        String name = messages.getMessage("risks.level." + label, null, label, locale);
        return name == null ? label : name;
    }
}
