package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services depend on one another without cycles, and what depends on a service is found through every path. */
class ServiceGraphTest {

    private final ServiceId web = ServiceId.random();
    private final ServiceId api = ServiceId.random();
    private final ServiceId db = ServiceId.random();
    private final ServiceId storage = ServiceId.random();

    private static Map.Entry<ServiceId, ServiceId> edge(ServiceId from, ServiceId to) {
        return new AbstractMap.SimpleImmutableEntry<>(from, to);
    }

    /** web -> api -> db -> storage, and web -> db. */
    private ServiceGraph chain() {
        return ServiceGraph.of(List.of(edge(web, api), edge(api, db), edge(db, storage), edge(web, db)));
    }

    @Test
    void refusesADependencyOnItself() {
        assertThat(chain().cycleIf(db, List.of(db))).contains(List.of(db, db));
    }

    @Test
    void refusesADependencyThatLeadsBackThroughOtherServices() {
        assertThat(chain().cycleIf(storage, List.of(web))).contains(List.of(storage, web, db, storage));
    }

    @Test
    void allowsADiamondAndANewLeaf() {
        assertThat(chain().cycleIf(api, List.of(db, storage))).isEmpty();
        assertThat(chain().cycleIf(ServiceId.random(), List.of(web, storage))).isEmpty();
    }

    @Test
    void replacingTheDependenciesOfAServiceIgnoresTheOnesItDropsButNotOthersPaths() {
        // storage depends on nothing; a new dependency of db on api would close db -> api -> db
        assertThat(chain().cycleIf(db, List.of(api))).contains(List.of(db, api, db));
    }

    @Test
    void findsEveryServiceThatDependsOnOneDirectlyOrThroughOthers() {
        assertThat(chain().dependingOn(storage)).containsExactlyInAnyOrder(db, api, web);
        assertThat(chain().dependingOn(api)).containsExactly(web);
        assertThat(chain().dependingOn(web)).isEmpty();
    }

    @Test
    void findingDependentsEndsOnACycleAndLeavesTheServiceItselfOut() {
        ServiceGraph cyclic = ServiceGraph.of(List.of(edge(web, api), edge(api, web), edge(db, web)));
        assertThat(cyclic.dependingOn(web)).containsExactlyInAnyOrder(api, db);
    }
}
