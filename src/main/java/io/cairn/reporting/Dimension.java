package io.cairn.reporting;

import io.cairn.incidents.PriorityMatrix;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a metric can be broken down by: the key of a group, the words people read for it, and the join that finds
 * them. Incidents without a value (no business unit, no team) form a group whose key is null.
 */
enum Dimension {
    BUSINESS_UNIT("i.business_unit_id::text", "bu.name", "left join business_unit bu on bu.id = i.business_unit_id"),
    LEGAL_ENTITY(
            "bu.legal_entity::text",
            "le.name",
            "left join business_unit bu on bu.id = i.business_unit_id "
                    + "left join legal_entity le on le.id = bu.legal_entity"),
    TEAM("i.team_id::text", "t.name", "left join team t on t.id = i.team_id"),
    CATEGORY("i.category_class || '/' || i.category_type", "i.category_class || '/' || i.category_type", ""),
    PRIORITY("i.priority::text", "i.priority::text", ""),
    SEVERITY("lower(i.severity)", "lower(i.severity)", ""),
    DETECTION_SOURCE("lower(i.detection_source)", "lower(i.detection_source)", ""),
    ASSET("i.asset_id::text", "d.name", "left join device d on d.id = i.asset_id"),
    SERVICE(
            "s.service_id::text",
            "sv.name",
            "left join incident_service s on s.incident_id = i.id left join service sv on sv.id = s.service_id"),
    VERIS_ACTOR("va.category", "va.category", verisJoin("actor")),
    VERIS_ACTION("va.category", "va.category", verisJoin("action")),
    VERIS_ASSET("va.category", "va.category", verisJoin("asset"));

    final String key;
    final String label;
    final String join;

    Dimension(String key, String label, String join) {
        this.key = key;
        this.label = label;
        this.join = join;
    }

    /** The categories of one part of the incidents' VERIS descriptions; an incident without one is in the null group. */
    private static String verisJoin(String part) {
        return "left join incident_veris_category va on va.incident_id = i.id and va.part = '" + part + "'";
    }

    /** The words for a group: a priority's label from the matrix, else what the dimension's join found. */
    @Nullable
    String label(@Nullable String key, @Nullable String found, PriorityMatrix matrix) {
        return this == PRIORITY && key != null ? priorityLabel(matrix, Integer.parseInt(key)) : found;
    }

    /** A priority level's label from the matrix; the number itself for a level the matrix no longer has. */
    static String priorityLabel(PriorityMatrix matrix, int level) {
        return level <= matrix.priorities().size() ? matrix.priorityLabel(level) : Integer.toString(level);
    }

    /** The grouping of the roll-ups that counts this dimension's groups, if they count them. */
    Optional<String> grouping() {
        return Optional.ofNullable(
                switch (this) {
                    case BUSINESS_UNIT -> "business-unit";
                    case TEAM -> "team";
                    case CATEGORY -> "category";
                    case PRIORITY -> "priority";
                    case SEVERITY -> "severity";
                    case DETECTION_SOURCE -> "detection-source";
                    case ASSET -> "asset";
                    case SERVICE -> "service";
                    case VERIS_ACTOR -> "veris-actor";
                    case VERIS_ACTION -> "veris-action";
                    case VERIS_ASSET -> "veris-asset";
                    case LEGAL_ENTITY -> null;
                });
    }

    /** A roll-up group's value as this dimension's key writes it (severities and detection sources in lower case). */
    @Nullable
    String key(@Nullable String value) {
        return value == null || (this != SEVERITY && this != DETECTION_SOURCE) ? value : value.toLowerCase(Locale.ROOT);
    }

    /** The names of business units, legal entities, teams, assets or services by key; for the others the key is it. */
    Map<String, String> names(JdbcClient jdbc) {
        String table = switch (this) {
            case BUSINESS_UNIT -> "business_unit";
            case TEAM -> "team";
            case ASSET -> "device";
            case SERVICE -> "service";
            default -> null;
        };
        Map<String, String> names = new HashMap<>();
        if (table != null) {
            jdbc.sql("select id::text as key, name from " + table).query(row -> {
                names.put(row.getString("key"), row.getString("name"));
            });
        }
        return names;
    }

    /**
     * The words for a rolled-up group's key, as the dimension's join finds them: the name of a business unit, legal
     * entity, team, asset or service (none when it no longer exists), the key itself for the others.
     */
    @Nullable
    String found(Map<String, String> names, @Nullable String key) {
        boolean named =
                this == BUSINESS_UNIT || this == LEGAL_ENTITY || this == TEAM || this == ASSET || this == SERVICE;
        return key == null ? null : named ? names.get(key) : key;
    }

    /** The value as the API writes it, such as {@code business-unit}. */
    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
