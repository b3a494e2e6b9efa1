package io.cairn.handling.routing;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.TeamView;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks of a routing rule an admin wrote: a unique name, a known RSIT class or class/type, a report template key,
 * an existing business unit, a device id and an existing team (by name or id). Every problem names its field.
 */
@Component
class RoutingRuleChecks {

    /** Keys of report templates: lower case, digits and dashes. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final RoutingRules rules;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;

    RoutingRuleChecks(RoutingRules rules, IncidentManagement incidents, IdentityManagement identity) {
        this.rules = rules;
        this.incidents = incidents;
        this.identity = identity;
    }

    /** The rule the definition describes at this id and place, or every problem it has. */
    Outcome<RoutingRule> validate(RoutingRuleId id, int position, RoutingRuleDefinition definition) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        nameProblem(id, definition).ifPresent(problems::add);
        categoryProblem(definition).ifPresent(problems::add);
        if (definition.template() != null
                && !TEMPLATE_KEY.matcher(definition.template()).matches()) {
            problems.add(
                    Refusal.FieldProblem.of("template", RoutingRefusals.NOT_A_TEMPLATE_KEY, definition.template()));
        }
        if (definition.businessUnit() != null && !identity.businessUnitExists(definition.businessUnit())) {
            problems.add(Refusal.FieldProblem.of(
                    "businessUnit",
                    SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST,
                    definition.businessUnit().toString()));
        }
        UUID asset = asset(definition, problems);
        TeamId team = team(definition, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new RoutingRule(
                id,
                position,
                definition.name(),
                definition.rsitClass(),
                definition.rsitType(),
                definition.template(),
                definition.businessUnit(),
                asset,
                Objects.requireNonNull(team),
                Objects.requireNonNull(definition.ownerStrategy()),
                Boolean.TRUE.equals(definition.enabled()),
                Objects.requireNonNullElse(definition.version(), 0L)));
    }

    private Optional<Refusal.FieldProblem> nameProblem(RoutingRuleId id, RoutingRuleDefinition definition) {
        if (definition.name().isEmpty() || definition.name().length() > 100) {
            return Optional.of(Refusal.FieldProblem.of("name", SharedRefusals.NAME_LENGTH));
        }
        return rules.nameTaken(definition.name(), id)
                ? Optional.of(Refusal.FieldProblem.of("name", RoutingRefusals.NAME_TAKEN, definition.name()))
                : Optional.empty();
    }

    private Optional<Refusal.FieldProblem> categoryProblem(RoutingRuleDefinition definition) {
        if (definition.rsitType() != null && definition.rsitClass() == null) {
            return Optional.of(Refusal.FieldProblem.of("rsitType", RoutingRefusals.TYPE_NEEDS_CLASS));
        }
        if (definition.rsitClass() == null || knownCategory(definition.rsitClass(), definition.rsitType())) {
            return Optional.empty();
        }
        String category = definition.rsitType() == null
                ? definition.rsitClass()
                : definition.rsitClass() + "/" + definition.rsitType();
        return Optional.of(Refusal.FieldProblem.of(
                definition.rsitType() == null ? "rsitClass" : "rsitType", RoutingRefusals.NOT_A_CATEGORY, category));
    }

    private boolean knownCategory(String rsitClass, @Nullable String rsitType) {
        return incidents.categories().stream()
                .anyMatch(choice -> choice.category().rsitClass().equals(rsitClass)
                        && (rsitType == null || choice.category().rsitType().equals(rsitType)));
    }

    private static @Nullable UUID asset(RoutingRuleDefinition definition, List<Refusal.FieldProblem> problems) {
        if (definition.asset() == null) {
            return null;
        }
        try {
            return UUID.fromString(definition.asset());
        } catch (IllegalArgumentException e) {
            problems.add(Refusal.FieldProblem.of("asset", RoutingRefusals.NOT_A_DEVICE_ID, definition.asset()));
            return null;
        }
    }

    private @Nullable TeamId team(RoutingRuleDefinition definition, List<Refusal.FieldProblem> problems) {
        if (definition.team().isEmpty()) {
            problems.add(Refusal.FieldProblem.of("team", RoutingRefusals.NEEDS_TEAM));
            return null;
        }
        String wanted = definition.team().toLowerCase(Locale.ROOT);
        TeamId found = null;
        for (TeamView team : identity.teams()) {
            if (team.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || team.id().toString().equals(wanted)) {
                found = team.id();
            }
        }
        if (found == null) {
            problems.add(Refusal.FieldProblem.of("team", RoutingRefusals.TEAM_DOES_NOT_EXIST, definition.team()));
        }
        return found;
    }
}
