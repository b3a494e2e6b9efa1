package io.cairn.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group of incidents the roll-ups count separately: all of them, or those with one value of one filter (a business
 * unit, a team, a category class, a category, a priority, a severity, a detection source), or of one breakdown (an
 * asset, a service, a category of the VERIS description's actors, actions or assets). A filter on a legal entity
 * is the groups of its business units; a filter on two of these at once has no group, and is counted from the
 * incidents.
 *
 * @param grouping what the group shares ({@code all}, {@code business-unit}, ...)
 * @param value the value it shares, as the database writes it ({@code ""} for all)
 */
record RollupGroup(String grouping, String value) {

    static final RollupGroup ALL = new RollupGroup("all", "");

    /** The groups an incident counts in. */
    static List<RollupGroup> of(IncidentFacts incident) {
        List<RollupGroup> groups = new ArrayList<>(List.of(
                ALL,
                new RollupGroup("category-class", incident.categoryClass()),
                new RollupGroup("category", incident.categoryClass() + "/" + incident.categoryType()),
                new RollupGroup("priority", Integer.toString(incident.priority())),
                new RollupGroup("severity", incident.severity())));
        if (incident.unit() != null) {
            groups.add(new RollupGroup("business-unit", incident.unit()));
        }
        if (incident.team() != null) {
            groups.add(new RollupGroup("team", incident.team()));
        }
        if (incident.detectionSource() != null) {
            groups.add(new RollupGroup("detection-source", incident.detectionSource()));
        }
        if (incident.asset() != null) {
            groups.add(new RollupGroup("asset", incident.asset()));
        }
        groups.addAll(ofEach("service", incident.services()));
        for (String part : List.of("actor", "action", "asset")) {
            groups.addAll(ofEach(
                    "veris-" + part,
                    incident.veris().stream()
                            .filter(categorised -> categorised.startsWith(part + ":"))
                            .map(categorised -> categorised.substring(part.length() + 1))
                            .toList()));
        }
        return groups;
    }

    /**
     * The groupings in which an incident can have several values (the services it affects, the categories of its VERIS
     * description): it counts in the group of each, and, without any, in the grouping's group of none ({@link #NONE}),
     * since those without a value are not all less the groups.
     */
    static final List<String> SEVERAL = List.of("service", "veris-actor", "veris-action", "veris-asset");

    /** The value of the group of the incidents with none of a grouping of {@link #SEVERAL}. */
    static final String NONE = "";

    /** Whether this is the group of the incidents with none of a grouping of {@link #SEVERAL}. */
    boolean isNoneOfSeveral() {
        return SEVERAL.contains(grouping) && value.equals(NONE);
    }

    /**
     * The sums of the incidents without a value, from the sums of all incidents and of each group of one grouping:
     * the grouping's group of none where incidents can have several values, else all less every value's.
     */
    static long[] none(Map<RollupGroup, long[]> sums, int size) {
        long[] none = new long[size];
        if (sums.keySet().stream().anyMatch(group -> SEVERAL.contains(group.grouping()))) {
            return sums.entrySet().stream()
                    .filter(sum -> sum.getKey().isNoneOfSeveral())
                    .map(sum -> sum.getValue().clone())
                    .findFirst()
                    .orElse(none);
        }
        System.arraycopy(sums.getOrDefault(ALL, none), 0, none, 0, size);
        sums.forEach((group, counts) -> {
            if (!group.equals(ALL)) {
                for (int c = 0; c < size; c++) {
                    none[c] -= counts[c];
                }
            }
        });
        return none;
    }

    /** The groups of the values, or the grouping's group of none. */
    private static List<RollupGroup> ofEach(String grouping, List<String> values) {
        return values.isEmpty()
                ? List.of(new RollupGroup(grouping, NONE))
                : values.stream().map(value -> new RollupGroup(grouping, value)).toList();
    }

    /** The groups whose incidents together are those the filter lets through, if there are such groups. */
    static Optional<List<RollupGroup>> of(MetricsFilter filter, JdbcClient jdbc) {
        List<RollupGroup> given = given(filter);
        boolean entity = filter.legalEntity() != null;
        if (given.size() + (entity ? 1 : 0) > 1 || (filter.categoryType() != null && filter.categoryClass() == null)) {
            return Optional.empty();
        }
        if (entity) {
            return Optional.of(jdbc
                    .sql("select id::text from business_unit where legal_entity = ? order by 1")
                    .param(filter.legalEntity())
                    .query(String.class)
                    .list()
                    .stream()
                    .map(unit -> new RollupGroup("business-unit", unit))
                    .toList());
        }
        return Optional.of(given.isEmpty() ? List.of(ALL) : given);
    }

    /** The group of each filter given, but the legal entity's. */
    private static List<RollupGroup> given(MetricsFilter filter) {
        List<RollupGroup> given = new ArrayList<>();
        if (filter.businessUnit() != null) {
            given.add(new RollupGroup(
                    "business-unit", filter.businessUnit().value().toString()));
        }
        if (filter.team() != null) {
            given.add(new RollupGroup("team", filter.team().value().toString()));
        }
        if (filter.categoryClass() != null) {
            given.add(
                    filter.categoryType() == null
                            ? new RollupGroup("category-class", filter.categoryClass())
                            : new RollupGroup("category", filter.categoryClass() + "/" + filter.categoryType()));
        }
        if (filter.priority() != null) {
            given.add(new RollupGroup("priority", filter.priority().toString()));
        }
        if (filter.severity() != null) {
            given.add(new RollupGroup("severity", filter.severity().name()));
        }
        if (filter.detectionSource() != null) {
            given.add(
                    new RollupGroup("detection-source", filter.detectionSource().name()));
        }
        return given;
    }
}
