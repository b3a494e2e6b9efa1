package io.cairn.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a later version of a received incident changed, field by field ({@code severity: high -> critical}), as the
 * handler reads it in the timeline. Fields are named by their path in the message's incident part
 * ({@code personalData.approximateSubjects}, {@code recommendedActions[1]}); the version, the time of the update and
 * the provenance entry change with every version and are not listed.
 */
final class SnapshotChanges {

    /** Longer values are cut to this many characters in a change. */
    static final int MAX_VALUE = 200;

    private static final Set<String> EVERY_VERSION = Set.of("version", "updatedAt", "provenance");

    /** One change: the field, its old value and its new one ({@code (none)} where there was or is none). */
    record Change(String field, String before, String after) {

        @Override
        public String toString() {
            return field + ": " + before + " -> " + after;
        }
    }

    private SnapshotChanges() {}

    static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> old = flat(before);
        Map<String, String> now = flat(after);
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = old.getOrDefault(field, "(none)");
            String is = now.getOrDefault(field, "(none)");
            if (!was.equals(is)) {
                changes.add(new Change(field, was, is));
            }
        }
        return changes;
    }

    private static Map<String, String> flat(JsonNode incident) {
        Map<String, String> fields = new LinkedHashMap<>();
        incident.properties().forEach(property -> {
            if (!EVERY_VERSION.contains(property.getKey())) {
                flatten(property.getKey(), property.getValue(), fields);
            }
        });
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> fields) {
        if (node.isObject() && !path.startsWith("extensions.")) {
            node.properties().forEach(property -> flatten(path + "." + property.getKey(), property.getValue(), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), fields);
            }
        } else if (!node.isNull()) {
            String text = node.isValueNode() ? node.asString() : node.toString();
            fields.put(path, text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text);
        }
    }
}
