package io.cairn.assets;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The rules a service's definition keeps, each a small function that names the field it refuses. */
final class ServiceRules {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_DEPENDENCIES = 100;

    private ServiceRules() {}

    /** What is wrong with the definition's own fields, the first problem found; empty when they are good. */
    static Optional<Refusal> fieldProblem(ServiceDefinition definition) {
        return nameProblem(definition.trimmedName())
                .or(() -> definition.trimmedDescription().length() <= MAX_DESCRIPTION
                        ? Optional.empty()
                        : Optional.of(Refusal.invalid(
                                "description", SharedRefusals.TOO_LONG, String.valueOf(MAX_DESCRIPTION))))
                .or(() -> required("ownerTeam", definition.ownerTeam()))
                .or(() -> required("criticality", definition.criticality()))
                .or(() -> dependencyCountProblem(definition.dependsOn()));
    }

    /** A name is 1 to 100 characters once trimmed, and has no control characters. */
    static Optional<Refusal> nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return Optional.of(Refusal.invalid("name", SharedRefusals.NAME_LENGTH));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.invalid("name", AssetRefusals.NAME_WITH_CONTROL_CHARACTERS));
        }
        return Optional.empty();
    }

    /**
     * Each named dependency is a service of this organisation, not retired unless the service already depended on
     * it, and together they make no cycle.
     *
     * @param service the service being changed; null for a new one, which no service depends on yet
     * @param known every service by id
     * @param current the services it depends on now
     */
    static Optional<Refusal> dependencyProblem(
            @Nullable ServiceId service,
            List<ServiceId> dependsOn,
            Map<ServiceId, ServiceSummary> known,
            Collection<ServiceId> current,
            ServiceGraph graph) {
        for (ServiceId dependency : dependsOn) {
            ServiceSummary found = known.get(dependency);
            if (found == null) {
                return Optional.of(Refusal.invalid("dependsOn", AssetRefusals.NOT_A_SERVICE, dependency.toString()));
            }
            if (found.retired() && !current.contains(dependency)) {
                return Optional.of(Refusal.invalid("dependsOn", AssetRefusals.SERVICE_RETIRED, found.name()));
            }
        }
        if (service == null) {
            return Optional.empty();
        }
        return graph.cycleIf(service, dependsOn)
                .map(cycle -> Refusal.invalid(
                        "dependsOn",
                        AssetRefusals.DEPENDENCY_CYCLE,
                        cycle.stream()
                                .map(id -> Optional.ofNullable(known.get(id))
                                        .map(ServiceSummary::name)
                                        .orElse(id.toString()))
                                .collect(Collectors.joining(" \u2192 "))));
    }

    private static Optional<Refusal> dependencyCountProblem(List<ServiceId> dependsOn) {
        if (dependsOn.stream().anyMatch(Objects::isNull)) {
            return Optional.of(Refusal.invalid("dependsOn", SharedRefusals.MUST_NOT_BE_EMPTY));
        }
        return dependsOn.size() <= MAX_DEPENDENCIES
                ? Optional.empty()
                : Optional.of(Refusal.invalid(
                        "dependsOn", AssetRefusals.TOO_MANY_SERVICES, String.valueOf(MAX_DEPENDENCIES)));
    }

    private static Optional<Refusal> required(String field, @Nullable Object value) {
        return value == null ? Optional.of(Refusal.invalid(field, SharedRefusals.REQUIRED)) : Optional.empty();
    }
}
