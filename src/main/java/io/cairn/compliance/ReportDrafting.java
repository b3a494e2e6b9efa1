package io.cairn.compliance;

import io.cairn.incidents.IncidentView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Drafts the report of an obligation's stage from the incident and its compliance records: each field the regime
 * names for the stage gets what Cairn already knows of it (GDPR Art. 33(3): the nature with the categories and
 * approximate numbers of people and records, the contact point, the likely consequences; NIS2 and DORA: severity,
 * impact, indicators, description, classification), and stays empty where only the handler knows. Pure: the same
 * sources give the same draft.
 */
final class ReportDrafting {

    /**
     * What a draft is made from.
     *
     * @param decisions the incident's decision records by kind
     * @param facts the incident's regime facts
     * @param indicators the incident's observables as {@code type: value}
     * @param contactPoint the privacy officer or another contact of the legal entity; empty when none is known
     */
    record Sources(
            IncidentView incident,
            Map<DecisionKind, DecisionView> decisions,
            Map<FactKey, RegimeFactView> facts,
            List<String> indicators,
            String contactPoint) {

        Sources {
            decisions = Map.copyOf(decisions);
            facts = Map.copyOf(facts);
            indicators = List.copyOf(indicators);
        }
    }

    private ReportDrafting() {}

    /** The stage's fields, in the regime's order, each with what the sources say of it ("" when nothing). */
    static Map<String, String> draft(Regime.Stage stage, Sources sources) {
        Map<String, String> fields = new LinkedHashMap<>();
        stage.mandatoryFields().forEach(field -> fields.put(field, value(field, sources)));
        return fields;
    }

    /** The mandatory fields of the stage that are empty in the report. */
    static List<String> missing(Regime.Stage stage, Map<String, String> fields) {
        return stage.mandatoryFields().stream()
                .filter(field -> fields.getOrDefault(field, "").isBlank())
                .toList();
    }

    private static String value(String field, Sources sources) {
        IncidentView incident = sources.incident();
        return switch (field) {
            case "nature", "description" -> nature(sources);
            case "data-subject-categories" -> breachInput(sources, "subject-categories");
            case "data-subject-count" -> breachInput(sources, "approximate-subjects");
            case "record-categories" -> breachInput(sources, "data-categories");
            case "record-count" -> breachInput(sources, "approximate-records");
            case "contact-point" -> sources.contactPoint();
            case "likely-consequences" -> rationale(sources, DecisionKind.GDPR_RISK);
            case "severity" -> incident.severity().name().toLowerCase(java.util.Locale.ROOT);
            case "impact" -> incident.impact();
            case "indicators" -> String.join("\n", sources.indicators());
            case "status-update" -> incident.status().name().toLowerCase(java.util.Locale.ROOT);
            case "detected-at" -> instant(incident.detectedAt());
            case "classified-at" -> fact(sources, new FactKey("dora", "dora-major"));
            case "classification-criteria" -> criteriaMet(sources, DecisionKind.DORA_MAJOR);
            case "costs-and-losses" -> amount(sources, DecisionKind.DORA_MAJOR, "economic-impact-eur");
            default -> "";
        };
    }

    private static String nature(Sources sources) {
        IncidentView incident = sources.incident();
        String types = breachInput(sources, "breach-types");
        String nature = incident.title() + "\n\n" + incident.description();
        return types.isEmpty() ? nature.strip() : (nature + "\n\n" + types).strip();
    }

    private static String breachInput(Sources sources, String input) {
        DecisionView decision = sources.decisions().get(DecisionKind.PERSONAL_DATA_BREACH);
        if (decision == null) {
            return "";
        }
        Object value = decision.current().inputs().get(input);
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        return value == null ? "" : value.toString();
    }

    private static String rationale(Sources sources, DecisionKind kind) {
        DecisionView decision = sources.decisions().get(kind);
        return decision == null ? "" : decision.current().rationale();
    }

    private static String criteriaMet(Sources sources, DecisionKind kind) {
        DecisionView decision = sources.decisions().get(kind);
        return decision == null
                ? ""
                : decision.current().criteria().stream()
                        .filter(Criterion::met)
                        .map(Criterion::code)
                        .collect(Collectors.joining(", "));
    }

    private static String amount(Sources sources, DecisionKind kind, String input) {
        DecisionView decision = sources.decisions().get(kind);
        Object value = decision == null ? null : decision.current().inputs().get(input);
        if (value instanceof Map<?, ?> amount && amount.get("value") != null) {
            return Objects.toString(amount.get("value")) + " EUR"
                    + (Boolean.TRUE.equals(amount.get("estimate")) ? " (estimate)" : "");
        }
        return "";
    }

    private static String fact(Sources sources, FactKey key) {
        RegimeFactView fact = sources.facts().get(key);
        return fact == null ? "" : fact.at().toString();
    }

    private static String instant(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }
}
