package io.cairn.assets;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How stored services are shown: each with the services it depends on and those that depend on it, by name. */
final class ServiceViews {

    private ServiceViews() {}

    /** The service as shown, its dependencies and direct dependents named by the services known. */
    static ServiceView view(ServiceCatalogue.Stored stored, ServiceGraph graph, Map<ServiceId, ServiceSummary> known) {
        Function<Collection<ServiceId>, List<ServiceSummary>> named = ids -> ids.stream()
                .map(known::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT)))
                .toList();
        List<ServiceId> dependents = graph.dependsOn().entrySet().stream()
                .filter(e -> e.getValue().contains(stored.id()))
                .map(Map.Entry::getKey)
                .toList();
        return new ServiceView(
                stored.id(),
                stored.name(),
                stored.description(),
                stored.ownerTeam(),
                stored.criticality(),
                named.apply(graph.dependsOn().getOrDefault(stored.id(), Set.of())),
                named.apply(dependents),
                stored.provider(),
                stored.retired(),
                stored.createdAt(),
                stored.updatedAt(),
                stored.version());
    }

    /** The services by id, as other objects name them. */
    static Map<ServiceId, ServiceSummary> byId(List<ServiceCatalogue.Stored> stored) {
        return stored.stream().collect(Collectors.toMap(ServiceCatalogue.Stored::id, ServiceCatalogue.Stored::summary));
    }

    /** What the audit trail's digest covers: the stored state and the services it depends on. */
    static String snapshot(ServiceCatalogue.Stored stored, List<ServiceId> dependsOn) {
        return stored + ",dependsOn="
                + dependsOn.stream().map(ServiceId::toString).sorted().toList();
    }
}
