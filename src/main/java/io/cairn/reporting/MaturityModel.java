package io.cairn.reporting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The incident-management maturity model: the IT-CMF levels 1 to 5, the domains that group their practices, and each
 * practice with how it is shown: by an indicator and the value it must reach, or by a record an admin keeps with its
 * evidence. It is data (the file {@code reporting/maturity-model.json}, or another through {@code
 * cairn.reporting.maturity-model}), read and checked when the server starts: a model it would have to guess at stops
 * the start with the reason.
 */
record MaturityModel(List<String> domains, List<Practice> practices) {

    static final int LEVELS = 5;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> PRACTICE_FIELDS =
            Set.of("key", "level", "domain", "recorded", "indicator", "atLeast", "atMost");

    MaturityModel {
        domains = List.copyOf(domains);
        practices = List.copyOf(practices);
    }

    /** A practice of a level, in a domain; shown by an indicator reaching its target, or recorded with evidence. */
    record Practice(
            String key,
            int level,
            String domain,
            @Nullable MaturityIndicator indicator,
            @Nullable Target target) {

        boolean recorded() {
            return indicator == null;
        }
    }

    /** The value an indicator must reach: at least it, or at most it. */
    record Target(boolean atLeast, double value) {

        boolean reachedBy(@Nullable Double figure) {
            return figure != null && (atLeast ? figure >= value : figure <= value);
        }
    }

    /** The practices of a level, in the model's order. */
    List<Practice> practicesOf(int level) {
        return practices.stream().filter(practice -> practice.level() == level).toList();
    }

    /** Reads a model from its JSON, or fails naming what is wrong and where. */
    static MaturityModel read(JsonNode root) {
        List<String> domains = new ArrayList<>();
        for (JsonNode domain : array(root, "domains")) {
            String name = key(domain, "domains");
            check(!domains.contains(name), "the domain '%s' is listed twice", name);
            domains.add(name);
        }
        check(!domains.isEmpty(), "'domains' lists no domain");
        List<Practice> practices = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode node : array(root, "practices")) {
            Practice practice = practice(node, domains);
            check(keys.add(practice.key()), "the practice '%s' is listed twice", practice.key());
            practices.add(practice);
        }
        MaturityModel model = new MaturityModel(domains, practices);
        for (int level = 1; level <= LEVELS; level++) {
            check(!model.practicesOf(level).isEmpty(), "level %d has no practice", level);
        }
        return model;
    }

    private static Practice practice(JsonNode node, List<String> domains) {
        check(node.isObject(), "a practice is not an object: %s", node);
        String key = key(node.get("key"), "key");
        node.propertyNames()
                .forEach(field -> check(
                        PRACTICE_FIELDS.contains(field),
                        "practice '%s': '%s' is not one of %s",
                        key,
                        field,
                        PRACTICE_FIELDS));
        JsonNode level = node.get("level");
        if (level == null || !level.isInt() || level.asInt() < 1 || level.asInt() > LEVELS) {
            throw invalid("practice '%s': 'level' must be a whole number from 1 to %d", key, LEVELS);
        }
        String domain = key(node.get("domain"), "domain");
        check(domains.contains(domain), "practice '%s': the domain '%s' is not one of %s", key, domain, domains);
        JsonNode recorded = node.get("recorded");
        JsonNode indicator = node.get("indicator");
        if (recorded != null) {
            check(
                    recorded.isBoolean() && recorded.asBoolean() && indicator == null && !hasTarget(node),
                    "practice '%s': a recorded practice is \"recorded\": true, without an indicator or a target",
                    key);
            return new Practice(key, level.asInt(), domain, null, null);
        }
        if (indicator == null || !indicator.isString()) {
            throw invalid("practice '%s': give an 'indicator' or \"recorded\": true", key);
        }
        MaturityIndicator shown = MaturityIndicator.named(indicator.asString())
                .orElseThrow(() -> invalid(
                        "practice '%s': '%s' is not an indicator; the indicators are %s",
                        key, indicator.asString(), codes()));
        return new Practice(key, level.asInt(), domain, shown, target(node, key));
    }

    private static Target target(JsonNode node, String key) {
        JsonNode atLeast = node.get("atLeast");
        JsonNode atMost = node.get("atMost");
        check(
                (atLeast == null) != (atMost == null),
                "practice '%s': give its target as one of 'atLeast' or 'atMost'",
                key);
        JsonNode value = atLeast != null ? atLeast : atMost;
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw invalid("practice '%s': the target is no number >= 0", key);
        }
        return new Target(atLeast != null, value.asDouble());
    }

    private static boolean hasTarget(JsonNode node) {
        return node.has("atLeast") || node.has("atMost");
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw invalid("'%s' is not a list", field);
        }
        return array;
    }

    private static String key(@Nullable JsonNode node, String field) {
        if (node == null || !node.isString() || !KEY.matcher(node.asString()).matches()) {
            throw invalid("'%s' must be a key of lower-case letters, digits and hyphens: %s", field, node);
        }
        return node.asString();
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(MaturityIndicator.values())
                .map(MaturityIndicator::code)
                .toList();
    }

    private static void check(boolean holds, String problem, Object... arguments) {
        if (!holds) {
            throw invalid(problem, arguments);
        }
    }

    private static IllegalStateException invalid(String problem, @Nullable Object... arguments) {
        return new IllegalStateException("The maturity model is not valid: " + problem.formatted(arguments));
    }
}
