package io.cairn.handling.routing;

import io.cairn.handling.routing.RoutingRule.OwnerStrategy;
import io.cairn.identity.BusinessUnitId;
import org.jspecify.annotations.Nullable;

/**
 * A routing rule as an admin writes it: every condition given must hold; a rule without conditions matches every
 * incident (a catch-all at the end of the list).
 *
 * @param rsitType only with {@code rsitClass}
 * @param template the key of a report template
 * @param asset the id of a registered device
 * @param team the team to route to, by id or name
 * @param version the version the admin changed; ignored when adding
 */
public record RoutingRuleDefinition(
        String name,
        @Nullable String rsitClass,
        @Nullable String rsitType,
        @Nullable String template,
        @Nullable BusinessUnitId businessUnit,
        @Nullable String asset,
        String team,
        @Nullable OwnerStrategy ownerStrategy,
        @Nullable Boolean enabled,
        @Nullable Long version) {

    public RoutingRuleDefinition {
        name = name == null ? "" : name.trim();
        rsitClass = blankToNull(rsitClass);
        rsitType = blankToNull(rsitType);
        template = blankToNull(template);
        asset = blankToNull(asset);
        team = team == null ? "" : team.trim();
        ownerStrategy = ownerStrategy == null ? OwnerStrategy.NONE : ownerStrategy;
        enabled = enabled == null || enabled;
        version = version == null ? 0L : version;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
