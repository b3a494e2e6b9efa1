package io.cairn.handling.routing;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored routing rule: its place in the ordered list, what it matches and where it sends an incident.
 *
 * @param position the place in the list, from 1; the first rule that matches wins
 */
public record RoutingRule(
        RoutingRuleId id,
        int position,
        String name,
        @Nullable String rsitClass,
        @Nullable String rsitType,
        @Nullable String template,
        @Nullable BusinessUnitId businessUnit,
        @Nullable UUID asset,
        TeamId team,
        OwnerStrategy ownerStrategy,
        boolean enabled,
        long version) {

    /** How a rule picks an owner among the members of its team. */
    public enum OwnerStrategy {
        /** The rule gives only the team; someone in it picks the incident up. */
        NONE,
        /** The members take turns, in order of their login names. */
        ROUND_ROBIN,
        /** The member who owns the fewest open incidents. */
        LEAST_LOADED
    }

    /** Whether the rule has no conditions and so matches every incident: a catch-all, kept at the end of the list. */
    boolean matchesEverything() {
        return rsitClass == null && template == null && businessUnit == null && asset == null;
    }

    /** The rule as an admin defines it. */
    RoutingRuleDefinition definition() {
        return new RoutingRuleDefinition(
                name,
                rsitClass,
                rsitType,
                template,
                businessUnit,
                asset == null ? null : asset.toString(),
                team.toString(),
                ownerStrategy,
                enabled,
                version);
    }
}
