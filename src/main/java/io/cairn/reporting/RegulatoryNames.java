package io.cairn.reporting;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The names of the regimes and stages a metric's table gives by their codes, in the reader's language, as the rules an
 * obligation of the regime was opened under name them: {@code gdpr} and {@code gdpr/supervisory-authority}.
 */
@Component
class RegulatoryNames {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RegulatoryNames(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The names of the table's regimes and their stages; empty for a table without a regime column. */
    Map<String, String> of(MetricTable table, Locale locale) {
        Set<String> regimes = new LinkedHashSet<>();
        if (table.columns().contains("regime")) {
            table.rows().forEach(row -> {
                if (row.get("regime") instanceof String regime) {
                    regimes.add(regime);
                }
            });
        }
        String language = "nl".equals(locale.getLanguage()) ? "nl" : "en";
        Map<String, String> names = new HashMap<>();
        for (String regime : regimes) {
            jdbc.sql("select rules::text from compliance_obligation where regime = ? limit 1")
                    .param(regime)
                    .query(String.class)
                    .optional()
                    .ifPresent(rules -> name(regime, json.readTree(rules), language, names));
        }
        return names;
    }

    private static void name(String regime, JsonNode rules, String language, Map<String, String> names) {
        JsonNode name = rules.path("name").path(language);
        if (name.isString()) {
            names.put(regime, name.asString());
        }
        for (JsonNode stage : rules.path("stages")) {
            JsonNode stageName = stage.path("name").path(language);
            if (stage.path("id").isString() && stageName.isString()) {
                names.put(regime + "/" + stage.path("id").asString(), stageName.asString());
            }
        }
    }
}
