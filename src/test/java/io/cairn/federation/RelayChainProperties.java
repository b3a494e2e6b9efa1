package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Relaying over real HTTP between seven Cairn instances in one JVM, each with its own database, started once and
 * joined in one fixed provider tree ({@link #PARENT}: a chain of six with a branch at the second), each edge a
 * subscription whose rule publishes and relays CLEAR and GREEN automatically. Each try switches a random set of the
 * edges on, picks an origin and a marking, reports an incident at the origin and delivers hop by hop; then it proves
 * that the incident reached every hop it may reach and no other, and that nothing any hop stored (every table of its
 * database, as text, with every JWS in it decoded) or was sent (the headers of every federation request it received;
 * the bodies it keeps) names a hop more than one step upstream: its name, base URL, host and port, signing key ids,
 * exchange ids, incident ids, message ids and subscription ids. The fixed tree keeps the test honest across tries: a
 * hop only ever talks with its own provider and customers, so anything of a hop further up found at it is a leak.
 */
@Tag("integration")
class RelayChainProperties {

    /** The provider of each instance in the tree; -1 for the root. */
    static final int[] PARENT = {-1, 0, 1, 2, 3, 4, 1};

    private static final List<Hop> hops = new ArrayList<>();

    /** One instance of the tree: its handler, and the subscription to it at its provider (null for the root). */
    record Hop(CairnInstance instance, String name, ApiClient handler, UUID[] subscription) {

        JdbcClient jdbc() {
            return instance.bean(JdbcClient.class);
        }
    }

    @BeforeContainer
    static void startTheTree() {
        String run = Long.toString(System.nanoTime(), 36);
        List<CairnInstance> started = CairnInstance.startAll(
                PARENT.length,
                i -> CairnInstance.start(
                        "Hop" + i + "x" + run,
                        Map.of("cairn.federation.hop-budget", 16, "cairn.federation.push-on-commit", false),
                        RecordedRequests.class));
        for (int i = 0; i < PARENT.length; i++) {
            CairnInstance instance = started.get(i);
            String name = "Hop" + i + "x" + run;
            hops.add(new Hop(
                    instance, name, instance.user("handler" + i, Set.of(Role.HANDLER, Role.COORDINATOR)), new UUID[1]));
        }
        for (int child = 1; child < PARENT.length; child++) {
            connect(hops.get(PARENT[child]), hops.get(child));
        }
    }

    @AfterContainer
    static void stopTheTree() {
        hops.forEach(hop -> hop.instance().close());
        hops.clear();
    }

    /** Registers the two as each other's peers, and a subscription of the customer at the provider, switched off. */
    private static void connect(Hop provider, Hop customer) {
        customer.subscription()[0] = CairnInstance.connect(
                provider.instance(), provider.name(), customer.instance(), customer.name(), false);
    }

    /** Switches the subscription of each instance at its provider on or off. */
    private static void switchEdges(Set<Integer> on) {
        for (int child = 1; child < PARENT.length; child++) {
            String state = on.contains(child) ? "active" : "cancelled";
            UUID id = hops.get(child).subscription()[0];
            hops.get(PARENT[child])
                    .jdbc()
                    .sql("update federation_subscription set state = ? where id = ?")
                    .params(state, id)
                    .update();
            hops.get(child)
                    .jdbc()
                    .sql("update federation_upstream_subscription set state = ? where id = ?")
                    .params(state, id)
                    .update();
        }
    }

    /** Each edge switched on four times in five, so that long chains and branches are common. */
    @Provide
    Arbitrary<Set<Integer>> edges() {
        return Arbitraries.of(true, true, true, true, false)
                .list()
                .ofSize(PARENT.length - 1)
                .map(switches -> {
                    Set<Integer> on = new HashSet<>();
                    for (int i = 0; i < switches.size(); i++) {
                        if (switches.get(i)) {
                            on.add(i + 1);
                        }
                    }
                    return on;
                });
    }

    /** The origin: mostly the root, so that chains of up to six hops (and the branch) are reached. */
    @Provide
    Arbitrary<Integer> origins() {
        return Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2));
    }

    /** Whether the origin's words name the origin itself: one time in four. */
    @Provide
    Arbitrary<Boolean> naming() {
        return Arbitraries.of(true, false, false, false);
    }

    @Provide
    Arbitrary<String> markings() {
        return Arbitraries.of("CLEAR", "GREEN", "GREEN", "AMBER", "AMBER+STRICT", "RED");
    }

    @Property(tries = 25, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void nothingDownstreamNamesAHopFurtherUpstream(
            @ForAll("edges") Set<Integer> on,
            @ForAll("markings") String tlp,
            @ForAll("origins") int origin,
            @ForAll("naming") boolean namesOrigin) {
        switchEdges(on);
        String title = "Chain incident " + UUID.randomUUID();
        String description = namesOrigin
                ? "Disks of a storage cluster at " + hops.get(origin).name() + " were read"
                : "Disks of a storage cluster were read";
        ApiClient.Answer reported = hops.get(origin)
                .handler()
                .post("/api/v1/incidents", Map.of("title", title, "description", description, "tlp", tlp));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incident = reported.json().get("id").asString();
        deliver(origin, incident, title, tlp);

        Set<Integer> reached = new HashSet<>();
        for (int k = 0; k < PARENT.length; k++) {
            if (k != origin && received(k, title)) {
                reached.add(k);
            }
        }
        assertThat(reached).isEqualTo(expected(origin, on, tlp, namesOrigin));
        Statistics.label("hops reached").collect(reached.size());
        Statistics.label("marking").collect(tlp);
        for (int m : reached) {
            String seen = LeakSearch.everythingAt(hops.get(m).instance());
            for (int up = PARENT[PARENT[m]]; up >= 0; up = PARENT[up]) {
                LeakSearch.assertNamesNothingOf(seen, "hop " + m, hops.get(up).instance());
            }
        }
    }

    /** Pushes what each hop queued, in tree order; a handler relays AMBER by hand, and tries AMBER+STRICT in vain. */
    private static void deliver(int origin, String incident, String title, String tlp) {
        if (!tlp.equals("CLEAR") && !tlp.equals("GREEN")) {
            ApiClient.Answer answer = publishByHand(origin, incident);
            assertThat(answer.status())
                    .as(answer.toString())
                    .isIn(tlp.equals("RED") ? List.of(409) : List.of(200, 400));
        }
        for (int k = origin; k < PARENT.length; k++) {
            AppliedMessages.await(hops.get(k).jdbc());
            if (k != origin && (tlp.equals("AMBER") || tlp.equals("AMBER+STRICT")) && received(k, title)) {
                String here = incidentAt(k, title);
                ApiClient.Answer answer = publishByHand(k, here);
                if (tlp.equals("AMBER+STRICT")) {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                }
            }
            pushAll(k);
        }
        applied();
    }

    /** Waits until every hop applied what it received. */
    private static void applied() {
        hops.forEach(hop -> AppliedMessages.await(hop.jdbc()));
    }

    /** A handler publishes (or relays) the incident to every active subscription it matches; 400 when none does. */
    private static ApiClient.Answer publishByHand(int k, String incident) {
        ApiClient handler = hops.get(k).handler();
        JsonNode state =
                handler.get("/api/v1/incidents/" + incident + "/publication").json();
        List<String> to = state.path("subscriptions")
                .valueStream()
                .filter(s -> !s.get("receives").asBoolean())
                .map(s -> s.get("id").asString())
                .toList();
        return handler.post("/api/v1/incidents/" + incident + "/publication", Map.of("subscriptions", to));
    }

    /**
     * The hops below the origin along switched-on edges; RED reaches none, AMBER+STRICT and words that name the origin
     * (which no rule relays and no handler may send without confirming) only the origin's own customers.
     */
    private static Set<Integer> expected(int origin, Set<Integer> on, String tlp, boolean namesOrigin) {
        Set<Integer> reach = new HashSet<>();
        if (tlp.equals("RED")) {
            return reach;
        }
        for (int k = origin + 1; k < PARENT.length; k++) {
            boolean linked = on.contains(k) && (PARENT[k] == origin || reach.contains(PARENT[k]));
            boolean mayPass = (!tlp.equals("AMBER+STRICT") && !namesOrigin) || PARENT[k] == origin;
            if (linked && mayPass) {
                reach.add(k);
            }
        }
        return reach;
    }

    private static boolean received(int k, String title) {
        return hops.get(k)
                        .jdbc()
                        .sql("select count(*) from incident where title = ? and received_from is not null")
                        .param(title)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String incidentAt(int k, String title) {
        return hops.get(k)
                .jdbc()
                .sql("select id::text from incident where title = ?")
                .param(title)
                .query(String.class)
                .single();
    }

    /**
     * A to B to C over real HTTP, B relaying by its subscription's rule: C gets the incident without A anywhere, A's
     * new words reach C as a new version, A's retraction retracts C's copy; B's handler relays an AMBER one by hand;
     * a hop budget of 1 at B stops at C.
     */
    @Example
    void threeInstancesRelayAnIncidentItsUpdateAndItsRetraction() {
        switchEdges(Set.of(1, 2));
        String title = "Three hops " + UUID.randomUUID();
        String atA = report(0, title, "GREEN");
        push(0, 1);
        assertThat(received(2, title)).isTrue();
        String atC = incidentAt(2, title);
        LeakSearch.assertNamesNothingOf(
                LeakSearch.everythingAt(hops.get(2).instance()),
                "hop 2",
                hops.get(0).instance());

        JsonNode publication = hops.get(0)
                .handler()
                .get("/api/v1/incidents/" + atA + "/publication")
                .json();
        ApiClient.Answer reworded = hops.get(0)
                .handler()
                .put(
                        "/api/v1/incidents/" + atA + "/publication",
                        Map.of(
                                "summary",
                                "Contained now.",
                                "version",
                                publication.get("version").asLong()));
        assertThat(reworded.status()).as(reworded.toString()).isEqualTo(200);
        push(0, 1);
        assertThat(snapshotAt(2, atC).get("version").asLong()).isEqualTo(2);
        assertThat(snapshotAt(2, atC).get("summary").asString()).isEqualTo("Contained now.");

        ApiClient.Answer retracted = hops.get(0)
                .handler()
                .post(
                        "/api/v1/incidents/" + atA + "/publication/retraction",
                        Map.of(
                                "reason",
                                "A drill at " + hops.get(0).name(),
                                "version",
                                reworded.json().get("version").asLong()));
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(200);
        push(0, 1);
        assertThat(hops.get(2)
                        .jdbc()
                        .sql("select retraction_reason from federation_received_incident where incident_id = ?::uuid")
                        .param(atC)
                        .query(String.class)
                        .single())
                .isEqualTo(RelayFollowing.WITHDRAWN);

        String amber = "Amber " + UUID.randomUUID();
        ApiClient.Answer byHandAtA = publishByHand(0, report(0, amber, "AMBER"));
        assertThat(byHandAtA.status()).as(byHandAtA.toString()).isEqualTo(200);
        push(0, 1);
        assertThat(received(2, amber)).as("no rule relays AMBER").isFalse();
        ApiClient.Answer byHandAtB = publishByHand(1, incidentAt(1, amber));
        assertThat(byHandAtB.status()).as(byHandAtB.toString()).isEqualTo(200);
        push(1, 1);
        assertThat(received(2, amber)).isTrue();

        String spent = "Budget " + UUID.randomUUID();
        String atAspent = report(0, spent, "AMBER");
        JsonNode state = hops.get(0)
                .handler()
                .get("/api/v1/incidents/" + atAspent + "/publication")
                .json();
        ApiClient.Answer once = hops.get(0)
                .handler()
                .post(
                        "/api/v1/incidents/" + atAspent + "/publication",
                        Map.of(
                                "subscriptions",
                                List.of(state.get("subscriptions")
                                        .get(0)
                                        .get("id")
                                        .asString()),
                                "words",
                                Map.of("hopBudget", 1)));
        assertThat(once.status()).as(once.toString()).isEqualTo(200);
        push(0, 1);
        assertThat(publishByHand(1, incidentAt(1, spent)).status()).isEqualTo(200);
        push(1, 1);
        JsonNode atCspent = hops.get(2)
                .handler()
                .get("/api/v1/incidents/" + incidentAt(2, spent) + "/publication")
                .json();
        assertThat(atCspent.get("allows").asString()).isEqualTo("hops-spent");
    }

    private static String report(int k, String title, String tlp) {
        ApiClient.Answer reported = hops.get(k)
                .handler()
                .post("/api/v1/incidents", Map.of("title", title, "description", "Storage was read", "tlp", tlp));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().get("id").asString();
    }

    /**
     * Pushes what hop k queued, again while a push failed and waits for another attempt (a busy machine may time one
     * out), at most five rounds.
     */
    private static void pushAll(int k) {
        for (int round = 0; round < 5; round++) {
            hops.get(k).instance().bean(OutboxPusher.class).pushDue();
            int waiting = hops.get(k)
                    .jdbc()
                    .sql("update federation_outbox set next_attempt_at = now() where state = 'pending'")
                    .update();
            if (waiting == 0) {
                return;
            }
        }
    }

    /** Pushes what the hops from {@code first} to {@code last} queued, in that order, each once it applied its own. */
    private static void push(int first, int last) {
        for (int k = first; k <= last; k++) {
            AppliedMessages.await(hops.get(k).jdbc());
            pushAll(k);
        }
        applied();
    }

    private static JsonNode snapshotAt(int k, String incident) {
        return ExchangeJson.MAPPER.readTree(hops.get(k)
                .jdbc()
                .sql("select snapshot::text from federation_received_incident where incident_id = ?::uuid")
                .param(incident)
                .query(String.class)
                .single());
    }
}
