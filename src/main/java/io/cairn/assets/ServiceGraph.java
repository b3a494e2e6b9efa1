package io.cairn.assets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which service depends on which, as a directed graph from a service to the services it depends on. The registry
 * keeps it free of cycles; the walks here are safe on any graph all the same.
 */
record ServiceGraph(Map<ServiceId, Set<ServiceId>> dependsOn) {

    ServiceGraph {
        Map<ServiceId, Set<ServiceId>> copy = new HashMap<>();
        dependsOn.forEach((service, dependencies) -> copy.put(service, Set.copyOf(dependencies)));
        dependsOn = Map.copyOf(copy);
    }

    /** The graph of the given edges, each a service and one service it depends on. */
    static ServiceGraph of(Collection<Map.Entry<ServiceId, ServiceId>> edges) {
        Map<ServiceId, Set<ServiceId>> dependsOn = new HashMap<>();
        edges.forEach(edge ->
                dependsOn.computeIfAbsent(edge.getKey(), k -> new HashSet<>()).add(edge.getValue()));
        return new ServiceGraph(dependsOn);
    }

    /**
     * The cycle the service would be on if it depended on these services instead of those it depends on now: the
     * services from it back to itself, or empty when there would be none.
     */
    Optional<List<ServiceId>> cycleIf(ServiceId service, Collection<ServiceId> newDependencies) {
        for (ServiceId dependency : newDependencies) {
            Optional<List<ServiceId>> back = path(dependency, service, service);
            if (back.isPresent()) {
                List<ServiceId> cycle = new ArrayList<>();
                cycle.add(service);
                cycle.addAll(back.get());
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    /**
     * The services that depend on this one, directly or through others, nearest first; never the service itself,
     * even on a cycle.
     */
    Set<ServiceId> dependingOn(ServiceId service) {
        Map<ServiceId, Set<ServiceId>> dependents = new HashMap<>();
        dependsOn.forEach((from, targets) -> targets.forEach(
                to -> dependents.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        Set<ServiceId> found = new LinkedHashSet<>();
        Deque<ServiceId> next = new ArrayDeque<>(List.of(service));
        while (!next.isEmpty()) {
            for (ServiceId dependent : dependents.getOrDefault(next.poll(), Set.of())) {
                if (!dependent.equals(service) && found.add(dependent)) {
                    next.add(dependent);
                }
            }
        }
        return found;
    }

    /** A path from one service to another along the dependencies, ignoring the edges of the one being changed. */
    private Optional<List<ServiceId>> path(ServiceId from, ServiceId to, ServiceId changed) {
        Map<ServiceId, ServiceId> cameFrom = new HashMap<>();
        Deque<ServiceId> next = new ArrayDeque<>(List.of(from));
        Set<ServiceId> seen = new HashSet<>(List.of(from));
        while (!next.isEmpty()) {
            ServiceId at = next.poll();
            if (at.equals(to)) {
                List<ServiceId> path = new ArrayList<>();
                for (ServiceId step = at; step != null; step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                return Optional.of(path);
            }
            Set<ServiceId> onward = at.equals(changed) ? Set.of() : dependsOn.getOrDefault(at, Set.of());
            for (ServiceId dependency : onward) {
                if (seen.add(dependency)) {
                    cameFrom.put(dependency, at);
                    next.add(dependency);
                }
            }
        }
        return Optional.empty();
    }
}
