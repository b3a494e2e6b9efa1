package io.cairn.incidents;

import io.cairn.shared.Outcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident as a record of the VERIS Community schema 1.3 (TAX-4), for sharing or anonymised benchmarking: its A4
 * description, when it happened (UTC), whether it was confirmed and how it was discovered, and nothing that names it
 * or anyone: no title, no description, no reporter. VERIS wants a variety wherever a category is named: an empty list
 * is written as {@code Unknown}, as VERIS's own tools fill it.
 */
@Component
class VerisExport {

    static final String SCHEMA_VERSION = "1.3.7";

    private final VerisKeeping keeping;

    VerisExport(VerisKeeping keeping) {
        this.keeping = keeping;
    }

    /** The incident read once, as the VERIS section reads it, and its description. */
    @Transactional(readOnly = true)
    Outcome<Map<String, Object>> of(IncidentId id) {
        return keeping.readable(id)
                .map(incident -> record(incident, keeping.view(incident).description()));
    }

    private static Map<String, Object> record(Incident incident, VerisDescription description) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schema_version", SCHEMA_VERSION);
        record.put("incident_id", incident.id().toString());
        record.put("security_incident", securityIncident(incident.determination));
        record.put("confidence", "Medium");
        record.put("discovery_method", discovery(incident.detectionSource));
        record.put("timeline", Map.of("incident", day(incident.occurredAt, incident.reportedAt)));
        record.put("victim", Map.of("employee_count", "Unknown", "country", List.of("Unknown")));
        record.put("actor", actors(description.actors()));
        record.put("action", actions(description.actions()));
        record.put("asset", assets(description.assets()));
        record.put("attribute", attributes(description.attributes()));
        return record;
    }

    private static String securityIncident(Determination determination) {
        return switch (determination) {
            case SUSPECTED -> "Suspected";
            case CONFIRMED -> "Confirmed";
            case FALSE_POSITIVE -> "False positive";
        };
    }

    private static Map<String, Object> discovery(@Nullable DetectionSource source) {
        if (source == null) {
            return Map.of("unknown", true);
        }
        return switch (source) {
            case AUTOMATED -> Map.of("internal", Map.of("variety", List.of("Unknown")));
            case INTERNAL_HUMAN -> Map.of("internal", Map.of("variety", List.of("Reported by employee")));
            case EXTERNAL -> Map.of("external", Map.of("variety", List.of("Unknown")));
        };
    }

    /** The day the incident happened, or else was reported, in UTC. */
    private static Map<String, Integer> day(@Nullable Instant occurred, Instant reported) {
        ZonedDateTime at = (occurred == null ? reported : occurred).atZone(ZoneOffset.UTC);
        return Map.of("year", at.getYear(), "month", at.getMonthValue(), "day", at.getDayOfMonth());
    }

    private static Map<String, Object> actors(List<VerisDescription.Actor> actors) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (VerisDescription.Actor actor : actors) {
            Map<String, Object> kind = new LinkedHashMap<>();
            if (!"unknown".equals(actor.category())) {
                kind.put("motive", orUnknown(actor.motives()));
                if (!"partner".equals(actor.category())) {
                    kind.put("variety", orUnknown(actor.varieties()));
                }
            }
            written.put(category(actor.category()), kind);
        }
        return written;
    }

    private static Map<String, Object> actions(List<VerisDescription.Action> actions) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (VerisDescription.Action action : actions) {
            Map<String, Object> kind = new LinkedHashMap<>();
            if (!"unknown".equals(action.category())) {
                kind.put("variety", orUnknown(action.varieties()));
                if (!"environmental".equals(action.category())) {
                    kind.put("vector", orUnknown(action.vectors()));
                }
            }
            written.put(category(action.category()), kind);
        }
        return written;
    }

    private static Map<String, Object> assets(VerisDescription.Assets assets) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put(
                "assets",
                orUnknown(assets.varieties()).stream()
                        .map(variety -> Map.of("variety", variety))
                        .toList());
        if (assets.ownership() != null) {
            written.put("ownership", assets.ownership());
        }
        if (assets.hosting() != null) {
            written.put("hosting", assets.hosting());
        }
        return written;
    }

    private static Map<String, Object> attributes(VerisDescription.Attributes attributes) {
        Map<String, Object> written = new LinkedHashMap<>();
        VerisDescription.Confidentiality confidentiality = attributes.confidentiality();
        if (confidentiality != null) {
            written.put(
                    "confidentiality",
                    Map.of(
                            "data_disclosure",
                            confidentiality.dataDisclosure(),
                            "data",
                            confidentiality.data().stream()
                                    .map(VerisExport::data)
                                    .toList()));
        }
        if (attributes.integrity() != null) {
            written.put(
                    "integrity",
                    Map.of("variety", orUnknown(attributes.integrity().varieties())));
        }
        VerisDescription.Availability availability = attributes.availability();
        if (availability != null) {
            Map<String, Object> affected = new LinkedHashMap<>();
            affected.put("variety", orUnknown(availability.varieties()));
            if (availability.duration() != null) {
                affected.put("duration", duration(availability.duration()));
            }
            written.put("availability", affected);
        }
        return written;
    }

    private static Map<String, Object> data(VerisDescription.Data data) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("variety", data.variety());
        if (data.amount() != null) {
            written.put("amount", data.amount());
        }
        return written;
    }

    private static Map<String, Object> duration(VerisDescription.Duration duration) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("unit", duration.unit());
        if (duration.value() != null) {
            written.put("value", duration.value());
        }
        return written;
    }

    /** VERIS's name of a category: lower case, but {@code Unknown} capitalised. */
    private static String category(String category) {
        return "unknown".equals(category) ? "Unknown" : category;
    }

    private static List<String> orUnknown(List<String> values) {
        return values.isEmpty() ? List.of("Unknown") : values;
    }
}
