package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.shared.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The provider chain of the exchange, end to end over real HTTP: five Cairn instances in one JVM, each with its own
 * database, joined through their APIs as a storage IaaS with two PaaS customers (PaaS-1 and PaaS-2), a SaaS on PaaS-1
 * (SaaS-1) and a SaaS on that SaaS (SaaS-2). Each customer registered its provider and was registered by it with the
 * keys of its JWKS, subscribed through the provider's API to the service it runs on, and runs a service of its own on
 * it; PaaS-1 and SaaS-1 relay, by their customers' subscription rules, every confirmed incident of high severity or
 * above on the service their customer runs on; at the IaaS a handler decides what is published. Each test tells one
 * part of the story on an incident of its own: it reaches the far ends, personal-data facts and all; nothing at
 * SaaS-1 or SaaS-2 names the IaaS; a SaaS that was down catches up by pull with nothing lost and nothing applied twice;
 * updates and a retraction follow to every relayed copy; TLP:RED never leaves the IaaS and AMBER+STRICT never leaves
 * PaaS-1.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiveInstanceChainTest {

    static final int IAAS = 0;
    static final int PAAS_1 = 1;
    static final int PAAS_2 = 2;
    static final int SAAS_1 = 3;
    static final int SAAS_2 = 4;

    /** The provider of each instance; -1 for the IaaS. */
    private static final int[] PROVIDER = {-1, IAAS, IAAS, PAAS_1, SAAS_1};

    private static final String[] ROLES = {"Stratus IaaS", "Platform One", "Platform Two", "Shop One", "Mail Two"};
    private static final String[] SERVICES = {
        "Object storage", "App runtime", "Managed database", "Web shop", "Newsletter"
    };
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, Object> PERSONAL_DATA = Map.of(
            "breach",
            true,
            "dataCategories",
            List.of("contact details", "account credentials"),
            "approximateSubjects",
            420,
            "approximateRecords",
            900,
            "likelyConsequences",
            "Phishing of the people whose addresses were read",
            "measuresTaken",
            "Keys rotated, access logs kept");

    private static final CairnInstance[] hops = new CairnInstance[5];
    private static final ApiClient[] handlers = new ApiClient[5];
    /** The subscription of each instance at its provider; null for the IaaS. */
    private static final String[] subscriptions = new String[5];
    /** The service each instance runs (the IaaS: offers), which its customer's subscription names. */
    private static final String[] services = new String[5];

    private static ChainAuditor auditor;
    private static TestUsers.TestUser reader;
    private static ApiClient privacyOfficer;

    @BeforeAll
    static void startTheChain() throws java.io.IOException {
        String run = Long.toString(System.nanoTime(), 36);
        auditor = new ChainAuditor(java.nio.file.Files.createTempDirectory("five-hops"));
        Map<String, Object> properties = new LinkedHashMap<>(auditor.configuredAtAHop());
        properties.put("cairn.federation.read-timeout", "PT5S");
        List<CairnInstance> started = CairnInstance.startAll(
                hops.length, k -> CairnInstance.start(ROLES[k] + " " + run, properties, RecordedRequests.class));
        for (int k = 0; k < hops.length; k++) {
            hops[k] = started.get(k);
            handlers[k] = hops[k].user("handler", Set.of(Role.HANDLER, Role.COORDINATOR));
        }
        TestUsers atSaas2 = new TestUsers(hops[SAAS_2].context());
        reader = atSaas2.user("reader", Set.of(Role.HANDLER));
        privacyOfficer = hops[SAAS_2].user("privacy", Set.of(Role.PRIVACY_OFFICER));

        services[IAAS] = service(IAAS, null);
        for (int customer : new int[] {PAAS_1, PAAS_2, SAAS_1, SAAS_2}) {
            String providerHere = connect(PROVIDER[customer], customer);
            services[customer] =
                    service(customer, Map.of("peer", providerHere, "service", services[PROVIDER[customer]]));
        }
        relayByRule(PAAS_1, SAAS_1);
        relayByRule(SAAS_1, SAAS_2);
    }

    @AfterAll
    static void stopTheChain() {
        for (CairnInstance hop : hops) {
            if (hop != null && hop.context().isActive()) {
                hop.close();
            }
        }
    }

    /**
     * Registers provider and customer as each other's peers (each fetching the other's keys from its JWKS), and
     * subscribes the customer through the provider's API to the provider's service; the provider's id at the customer.
     */
    private static String connect(int provider, int customer) {
        String providerHere = peer(customer, provider, "provider");
        peer(provider, customer, "customer");
        subscriptions[customer] = id(hops[customer]
                .admin()
                .post(
                        "/api/v1/federation/upstream-subscriptions",
                        Map.of("provider", providerHere, "services", List.of(services[provider]))));
        return providerHere;
    }

    /** Registers the other instance as a peer of the instance in this role, its keys fetched from its JWKS; its id. */
    private static String peer(int at, int other, String role) {
        ApiClient.Answer registered = hops[at].admin()
                .post(
                        "/api/v1/federation/peers",
                        Map.of("name", hops[other].name(), "baseUrl", hops[other].url(), "role", role));
        String id = id(registered);
        assertThat(registered.json().get("keyIds").valueStream().map(JsonNode::asString))
                .containsExactly(
                        hops[other].bean(SigningKeyring.class).activeKey().getKeyID());
        return id;
    }

    /** The instance's service, running on the provider's service given (none for the IaaS). */
    private static String service(int k, @Nullable Map<String, Object> runsOn) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", SERVICES[k]);
        service.put(
                "ownerTeam", new TestUsers(hops[k].context()).team("operations").toString());
        service.put("criticality", "high");
        if (runsOn != null) {
            service.put("provider", runsOn);
        }
        return id(hops[k].admin().post("/api/v1/services", service));
    }

    /**
     * The provider's rule for its customer's subscription: every confirmed incident of high severity or above on the
     * provider's service the customer runs on, received ones relayed too.
     */
    private static void relayByRule(int provider, int customer) {
        JsonNode subscription = hops[provider]
                .admin()
                .get("/api/v1/federation/subscriptions")
                .json()
                .valueStream()
                .filter(s -> s.get("id").asString().equals(subscriptions[customer]))
                .findFirst()
                .orElseThrow();
        Map<String, Object> rule = Map.of(
                "confirmedOnly",
                true,
                "minSeverity",
                "high",
                "services",
                List.of(services[provider]),
                "relayReceived",
                true);
        ok(hops[provider]
                .admin()
                .put(
                        "/api/v1/federation/subscriptions/" + subscriptions[customer] + "/rule",
                        Map.of(
                                "rule",
                                rule,
                                "version",
                                subscription.get("version").asLong())));
    }

    /** The five instances, in chain order: IaaS, PaaS-1, PaaS-2, SaaS-1, SaaS-2. */
    static List<CairnInstance> instances() {
        return List.of(hops);
    }

    /**
     * One incident as each instance holds it.
     *
     * @param incidents its id at each instance, in the order of {@link #instances()}
     * @param exchangeId its id in the exchange as the IaaS published it
     */
    record Trail(String title, List<String> incidents, String exchangeId) {

        String at(int hop) {
            return incidents.get(hop);
        }
    }

    /**
     * A confirmed storage breach of high severity with personal data, reported at the IaaS, published by its handler
     * to both PaaS and relayed by rule from there, once it reached every instance. The auditor's walk back from a far
     * end (the {@code trace} command) starts from such a trail and {@link #instances()}.
     */
    static Trail reachingEveryHop(String title) {
        String origin = report(title, "GREEN");
        ApiClient.Answer published = publishByHand(IAAS, origin, Map.of("personalData", PERSONAL_DATA));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>(List.of(origin));
        for (int k = PAAS_1; k <= SAAS_2; k++) {
            ids.add(awaitReceived(k, title).get("id").asString());
        }
        return new Trail(title, ids, published.json().get("exchangeId").asString());
    }

    @Test
    @Order(1)
    void anIncidentPublishedAtTheIaasReachesEveryCustomerDownTheChainAsAReceivedReport() {
        Trail trail = reachingEveryHop("Storage nodes read " + UUID.randomUUID());

        for (int k = PAAS_1; k <= SAAS_2; k++) {
            JsonNode received = awaitReceived(k, trail.title());
            assertThat(received.get("receivedFrom").asString())
                    .as("at %s", hops[k].name())
                    .isEqualTo(hops[PROVIDER[k]].name());
            assertThat(received.get("relayed").asBoolean())
                    .as("relayed by %s", hops[k].name())
                    .isEqualTo(k == PAAS_1 || k == SAAS_1);
        }
        String atSaas2 = trail.at(SAAS_2);
        assertThat(handlers[SAAS_2]
                        .get("/api/v1/incidents/" + atSaas2 + "/timeline")
                        .body())
                .as("SaaS-2 sees which of its services run on the affected one")
                .contains(SERVICES[SAAS_2]);
        assertThat(page(SAAS_2, reader, "/incidents/" + atSaas2 + "/received"))
                .contains("A breach: contact details, account credentials; about 420 people and 900 records");
        JsonNode told = await(
                "the privacy officer of SaaS-2 is told",
                () -> privacyOfficer
                        .get("/api/v1/notifications")
                        .json()
                        .valueStream()
                        .filter(m -> m.path("link").asString("").equals("/incidents/" + atSaas2))
                        .findFirst());
        assertThat(told.get("body").asString()).contains("About 420 people and 900 records");
    }

    @Test
    @Order(2)
    void updatesAndARetractionAtTheIaasReachEveryRelayedCopy() {
        Trail trail = reachingEveryHop("Snapshots exposed " + UUID.randomUUID());
        String origin = trail.at(IAAS);

        JsonNode publication = ok(handlers[IAAS].get("/api/v1/incidents/" + origin + "/publication"));
        ok(handlers[IAAS].put(
                "/api/v1/incidents/" + origin + "/publication",
                Map.of("summary", "Contained: the exposed snapshots are deleted.", "version", version(publication))));
        JsonNode incident = ok(handlers[IAAS].get("/api/v1/incidents/" + origin));
        ok(handlers[IAAS].post(
                "/api/v1/incidents/" + origin + "/recategorise",
                Map.of("category", incident.get("category"), "severity", "critical", "version", version(incident))));
        for (int k = PAAS_1; k <= SAAS_2; k++) {
            int hop = k;
            await(
                    hops[k].name() + " holds the new summary and severity",
                    () -> received(hop, trail.at(hop))
                            .filter(r -> r.snapshot().path("summary").asString().startsWith("Contained")
                                    && r.snapshot().path("severity").asString().equals("critical")));
        }
        assertThat(handlers[SAAS_2]
                        .get("/api/v1/incidents/" + trail.at(SAAS_2) + "/timeline")
                        .body())
                .as("the handler at the far end sees what changed")
                .contains("what changed", "severity");

        JsonNode now = ok(handlers[IAAS].get("/api/v1/incidents/" + origin + "/publication"));
        ok(handlers[IAAS].post(
                "/api/v1/incidents/" + origin + "/publication/retraction",
                Map.of("reason", "A drill of the storage team", "version", version(now))));
        for (int k = PAAS_1; k <= SAAS_2; k++) {
            int hop = k;
            Received retracted = await(
                    hops[k].name() + " holds the retraction",
                    () -> received(hop, trail.at(hop)).filter(r -> r.retractionReason() != null));
            assertThat(retracted.retractionReason())
                    .as("at %s: the provider's reason from the IaaS, neutral words from a relay", hops[k].name())
                    .isEqualTo(PROVIDER[k] == IAAS ? "A drill of the storage team" : RelayFollowing.WITHDRAWN);
        }
        for (int relaying : new int[] {PAAS_1, SAAS_1}) {
            assertThat(ok(handlers[relaying].get("/api/v1/incidents/" + trail.at(relaying) + "/publication"))
                            .get("state")
                            .asString())
                    .isEqualTo("retracted");
        }
        assertThat(page(SAAS_2, reader, "/incidents/" + trail.at(SAAS_2) + "/received"))
                .contains("Retracted by the provider", RelayFollowing.WITHDRAWN);
    }

    @Test
    @Order(3)
    void aSaasThatWasDownCatchesUpByPullWithNothingLostAndNothingAppliedTwice() {
        Trail before = reachingEveryHop("Bucket listing leaked " + UUID.randomUUID());
        awaitNothingPendingFor(SAAS_1, SAAS_2);
        hops[SAAS_2].close();
        String missedTitle = "Replica exposed " + UUID.randomUUID();
        String missedAtSaas1;
        List<String> sentWhileDown;
        try {
            JsonNode publication = ok(handlers[IAAS].get("/api/v1/incidents/" + before.at(IAAS) + "/publication"));
            ok(handlers[IAAS].put(
                    "/api/v1/incidents/" + before.at(IAAS) + "/publication",
                    Map.of("summary", "The listing was public for two hours.", "version", version(publication))));
            ApiClient.Answer missed = publishByHand(IAAS, report(missedTitle, "GREEN"), Map.of());
            assertThat(missed.status()).as(missed.toString()).isEqualTo(200);
            missedAtSaas1 = awaitReceived(SAAS_1, missedTitle).get("id").asString();
            await(
                    "SaaS-1 relays the new summary",
                    () -> received(SAAS_1, before.at(SAAS_1))
                            .filter(r -> r.snapshot().path("summary").asString().contains("two hours")));
            sentWhileDown = holdPushesTo(SAAS_1, SAAS_2, List.of(before.at(SAAS_1), missedAtSaas1));
            assertThat(sentWhileDown)
                    .as("SaaS-1 queued the new version and the new incident")
                    .hasSize(2);
        } finally {
            // started again whatever failed, so that the other parts of the story find it
            hops[SAAS_2] = hops[SAAS_2].restart(Map.of("cairn.federation.pull-start-delay", "PT1S"));
        }

        String missedAtSaas2 = awaitReceived(SAAS_2, missedTitle).get("id").asString();
        await(
                "SaaS-2 pulled the new summary",
                () -> received(SAAS_2, before.at(SAAS_2))
                        .filter(r -> r.snapshot().path("summary").asString().contains("two hours")));
        JdbcClient saas2 = hops[SAAS_2].bean(JdbcClient.class);
        assertThat(saas2.sql("select message_id::text || ' ' || via from federation_received_message"
                                + " where message_id::text in (:ids)")
                        .param("ids", sentWhileDown)
                        .query(String.class)
                        .list())
                .as("what was sent while SaaS-2 was down came by pull")
                .containsExactlyInAnyOrderElementsOf(
                        sentWhileDown.stream().map(id -> id + " pull").toList());
        List<String> incidents = List.of(before.at(SAAS_1), missedAtSaas1);
        Map<String, Long> receipts = receiptsAt(SAAS_2, exchangesOf(SAAS_1, incidents));
        assertThat(receipts)
                .as("every version SaaS-1 sent SaaS-2 of the two incidents, once each")
                .containsOnlyKeys(versionsQueued(SAAS_1, SAAS_2, incidents))
                .allSatisfy((version, count) -> assertThat(count).as(version).isOne());
        List<String> notes = List.of(
                before.at(SAAS_2) + " Received from",
                before.at(SAAS_2) + " Version 2 from",
                missedAtSaas2 + " Received from");
        notes.forEach(note -> assertThat(notesAt(SAAS_2, note)).as(note).isOne());
        assertThat(receivedTitles(SAAS_2)).containsOnlyOnce(before.title(), missedTitle);

        JsonNode again = ok(hops[SAAS_2]
                .admin()
                .post("/api/v1/federation/upstream-subscriptions/" + subscriptions[SAAS_2] + "/catch-up", Map.of()));
        assertThat(again.get("accepted").asInt()).as(again.toString()).isZero();

        hops[SAAS_1]
                .bean(JdbcClient.class)
                .sql("update federation_outbox set next_attempt_at = now() where message_id::text in (:ids)")
                .param("ids", sentWhileDown)
                .update();
        hops[SAAS_1].bean(OutboxPusher.class).pushDue();
        awaitNothingPendingFor(SAAS_1, SAAS_2);
        assertThat(receiptsAt(SAAS_2, exchangesOf(SAAS_1, incidents)))
                .as("the late pushes are duplicates")
                .isEqualTo(receipts);
        notes.forEach(note -> assertThat(notesAt(SAAS_2, note)).as(note).isOne());
        assertThat(receivedTitles(SAAS_2)).containsOnlyOnce(before.title(), missedTitle);
    }

    @Test
    @Order(4)
    void redNeverLeavesTheIaasAndAmberStrictNeverLeavesPaas1() {
        String redTitle = "Red " + UUID.randomUUID();
        String red = report(redTitle, "RED");
        assertThat(ok(handlers[IAAS].get("/api/v1/incidents/" + red + "/publication"))
                        .get("allows")
                        .asString())
                .isEqualTo("never");
        ApiClient.Answer refused = handlers[IAAS].post(
                "/api/v1/incidents/" + red + "/publication",
                Map.of("subscriptions", List.of(subscriptions[PAAS_1], subscriptions[PAAS_2])));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("TLP:RED never leaves this instance");
        assertThat(outboxRowsOf(IAAS, red)).isZero();

        String strictTitle = "Strict " + UUID.randomUUID();
        ApiClient.Answer toPaas1 = handlers[IAAS].post(
                "/api/v1/incidents/" + report(strictTitle, "AMBER+STRICT") + "/publication",
                Map.of("subscriptions", List.of(subscriptions[PAAS_1])));
        assertThat(toPaas1.status()).as(toPaas1.toString()).isEqualTo(200);
        String strict = awaitReceived(PAAS_1, strictTitle).get("id").asString();
        assertThat(ok(handlers[PAAS_1].get("/api/v1/incidents/" + strict + "/publication"))
                        .get("allows")
                        .asString())
                .isEqualTo("stays-here");
        ApiClient.Answer relay = handlers[PAAS_1].post(
                "/api/v1/incidents/" + strict + "/publication",
                Map.of("subscriptions", List.of(subscriptions[SAAS_1])));
        assertThat(relay.status()).as(relay.toString()).isEqualTo(409);
        assertThat(relay.body()).contains("AMBER+STRICT stays in this organisation: it is never relayed");
        assertThat(outboxRowsOf(PAAS_1, strict))
                .as("neither rule nor handler queued it")
                .isZero();

        Trail after = reachingEveryHop("After the markings " + UUID.randomUUID());
        for (int k = PAAS_1; k <= SAAS_2; k++) {
            assertThat(receivedTitles(k)).as("at %s", hops[k].name()).doesNotContain(redTitle);
            if (k != PAAS_1) {
                assertThat(receivedTitles(k)).as("at %s", hops[k].name()).doesNotContain(strictTitle);
            }
            assertThat(receivedTitles(k)).contains(after.title());
        }
    }

    @Test
    @Order(5)
    void nothingAtTheFarEndsNamesTheIaas() {
        Trail trail = reachingEveryHop("Storage keys leaked " + UUID.randomUUID());
        awaitNothingPendingFor(SAAS_1, SAAS_2);
        for (int k : new int[] {SAAS_1, SAAS_2}) {
            String seen = LeakSearch.everythingAt(hops[k], whatItsApiAndPagesShow(k, trail.at(k)));
            assertThat(seen)
                    .as("the search reaches what %s received", hops[k].name())
                    .contains(trail.title().toLowerCase(Locale.ROOT));
            LeakSearch.assertNamesNothingOf(seen, hops[k].name(), hops[IAAS]);
            LeakSearch.assertNamesNothingOf(seen, hops[k].name(), hops[PAAS_2]);
            if (k == SAAS_2) {
                LeakSearch.assertNamesNothingOf(seen, hops[k].name(), hops[PAAS_1]);
            }
        }
        assertThat(LeakSearch.everythingAt(hops[PAAS_1]))
                .as("the search finds the IaaS where it may be: at its own customer")
                .contains(trail.exchangeId(), hops[IAAS].name().toLowerCase(Locale.ROOT));
    }

    @Test
    @Order(10)
    void aBreachAtTheIaasOpensShopOnesNoticeAsProcessorAndStartsTheClockOfMailTwoAsController() {
        ComplianceFixture.legalEntity(hops[SAAS_1].admin(), "Shop One B.V.", "processor");
        ComplianceFixture.legalEntity(hops[SAAS_2].admin(), "Mail Two B.V.", "controller");

        Trail trail = reachingEveryHop("Customer table read " + UUID.randomUUID());

        JsonNode atProcessor = compliance(handlers[SAAS_1], trail.at(SAAS_1));
        Instant processorAware = Instant.parse(ComplianceFixture.fact(atProcessor, "gdpr.processor-awareness")
                .path("at")
                .asString());
        JsonNode notice = ComplianceFixture.stage(atProcessor, "controller");
        assertThat(Instant.parse(notice.path("dueAt").asString()))
                .as("Shop One tells its controllers within a day of hearing of it")
                .isEqualTo(processorAware.plus(Duration.ofHours(24)));
        assertThat(notice.path("status").asString())
                .as("its relay rule told Mail Two as it received the breach")
                .isEqualTo("submitted");
        String obligation = atProcessor.path("obligations").get(0).path("id").asString();
        JsonNode sent = handlers[SAAS_1]
                .get("/api/v1/incidents/" + trail.at(SAAS_1) + "/compliance/obligations/" + obligation
                        + "/stages/controller/submission")
                .json()
                .path("submissions")
                .get(0);
        assertThat(sent.path("channel").asString()).isEqualTo("api");
        assertThat(sent.path("recipient").asString()).isEqualTo(hops[SAAS_2].name());
        assertThat(sent.path("reference").asString())
                .isEqualTo(exchangesOf(SAAS_1, List.of(trail.at(SAAS_1))).get(0));
        assertThat(sent.path("late").asBoolean()).isFalse();
        String atController = trail.at(SAAS_2);
        JsonNode aware = ComplianceFixture.fact(compliance(privacyOfficer, atController), "gdpr.awareness");
        Instant controllerAware = Instant.parse(aware.path("at").asString());
        assertThat(controllerAware)
                .as("Mail Two became aware when its processor told it")
                .isAfter(processorAware);
        for (Map.Entry<String, String> decision :
                Map.of("personal-data-breach", "yes", "gdpr-risk", "risk").entrySet()) {
            ApiClient.Answer decided = privacyOfficer.put(
                    "/api/v1/incidents/" + atController + "/compliance/decisions/" + decision.getKey(),
                    Map.of("result", decision.getValue(), "rationale", "our customers' contact details", "version", 0));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        }
        JsonNode authority = ComplianceFixture.stage(compliance(privacyOfficer, atController), "supervisory-authority");
        assertThat(Instant.parse(authority.path("dueAt").asString()))
                .as("Mail Two's 72 hours run from its own awareness")
                .isEqualTo(controllerAware.plus(Duration.ofHours(72)));
    }

    private static JsonNode compliance(ApiClient reader, String incident) {
        ApiClient.Answer answer = reader.get("/api/v1/incidents/" + incident + "/compliance");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /**
     * What the instance's API and pages show of the incident (as its handler sees it), its incident list, and the
     * feed it reads at its provider.
     */
    private static String[] whatItsApiAndPagesShow(int k, String incident) {
        List<String> shown = new ArrayList<>();
        for (String path : List.of(
                "/api/v1/incidents/" + incident,
                "/api/v1/incidents/" + incident + "/timeline",
                "/api/v1/incidents/" + incident + "/publication",
                "/api/v1/incidents?received=true&size=200")) {
            ApiClient.Answer answer = handlers[k].get(path);
            shown.add(answer.raw().headers().map() + "\n" + answer.body());
        }
        TestUsers.TestUser handler = new TestUsers(hops[k].context()).user("leak-reader", Set.of(Role.HANDLER));
        shown.add(page(k, handler, "/incidents/" + incident));
        shown.add(page(k, handler, "/incidents/" + incident + "/received"));
        shown.add(page(k, handler, "/incidents/" + incident + "/share"));
        PeerView provider = hops[k].bean(PeerRegistry.class)
                .byBaseUrl(hops[PROVIDER[k]].url())
                .orElseThrow();
        Outcome<PeerHttp.Answer> feed = hops[k].bean(PeerClient.class)
                .get(provider, "/federation/v1/subscriptions/" + subscriptions[k] + "/feed?limit=1000");
        PeerHttp.Answer answer = ((Outcome.Done<PeerHttp.Answer>) feed).value();
        assertThat(answer.status()).isEqualTo(200);
        shown.add(new String(answer.body(), StandardCharsets.UTF_8));
        return shown.toArray(String[]::new);
    }

    /** Reports a confirmed breach of high severity on the IaaS's storage service there; its id. */
    private static String report(String title, String tlp) {
        ApiClient.Answer reported = handlers[IAAS].post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        title,
                        "description",
                        "Objects of the storage service were read by an outsider.",
                        "category",
                        Map.of(
                                "rsitClass",
                                "information-content-security",
                                "rsitType",
                                "unauthorised-information-access"),
                        "determination",
                        "confirmed",
                        "severity",
                        "high",
                        "tlp",
                        tlp));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String id = reported.json().get("id").asString();
        ok(handlers[IAAS].put(
                "/api/v1/incidents/" + id + "/services",
                Map.of("services", List.of(services[IAAS]), "version", version(reported.json()))));
        return id;
    }

    /** A handler publishes the incident with these words to every subscription it matches and does not reach yet. */
    private static ApiClient.Answer publishByHand(int k, String incident, Map<String, Object> words) {
        JsonNode state = ok(handlers[k].get("/api/v1/incidents/" + incident + "/publication"));
        List<String> to = state.path("subscriptions")
                .valueStream()
                .filter(s -> !s.get("receives").asBoolean())
                .map(s -> s.get("id").asString())
                .toList();
        return handlers[k].post(
                "/api/v1/incidents/" + incident + "/publication", Map.of("subscriptions", to, "words", words));
    }

    /** The row of the incident list of a received incident with this title, once it is there. */
    private static JsonNode awaitReceived(int k, String title) {
        return await(
                hops[k].name() + " receives " + title,
                () -> handlers[k]
                        .get("/api/v1/incidents?received=true&size=200")
                        .json()
                        .path("items")
                        .valueStream()
                        .filter(i -> i.get("title").asString().equals(title))
                        .findFirst());
    }

    private static List<String> receivedTitles(int k) {
        return handlers[k]
                .get("/api/v1/incidents?received=true&size=200")
                .json()
                .path("items")
                .valueStream()
                .map(i -> i.get("title").asString())
                .toList();
    }

    /** What an instance stores of a provider's incident: the last version applied, and the retraction. */
    record Received(long version, JsonNode snapshot, String retractionReason) {}

    private static Optional<Received> received(int k, String incident) {
        return hops[k].bean(JdbcClient.class)
                .sql("""
                        select version, snapshot::text, retraction_reason from federation_received_incident
                        where incident_id = ?::uuid""")
                .param(incident)
                .query((row, n) ->
                        new Received(row.getLong(1), ExchangeJson.MAPPER.readTree(row.getString(2)), row.getString(3)))
                .optional();
    }

    /** How many messages the instance received of each version ({@code <exchange id> v<version>}) of these. */
    private static Map<String, Long> receiptsAt(int k, List<String> exchanges) {
        Map<String, Long> receipts = new LinkedHashMap<>();
        hops[k].bean(JdbcClient.class)
                .sql("""
                        select exchange_id::text || ' v' || version, count(*) from federation_received_message
                        where exchange_id::text in (:exchanges) group by exchange_id, version""")
                .param("exchanges", exchanges)
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .forEach(entry -> receipts.put(entry.getKey(), entry.getValue()));
        return receipts;
    }

    /** The exchange ids under which the instance published these incidents. */
    private static List<String> exchangesOf(int k, List<String> incidents) {
        return hops[k].bean(JdbcClient.class)
                .sql("select exchange_id::text from federation_publication where incident_id::text in (:incidents)")
                .param("incidents", incidents)
                .query(String.class)
                .list();
    }

    /** The versions ({@code <exchange id> v<version>}) of these incidents the provider queued for the customer. */
    private static List<String> versionsQueued(int provider, int customer, List<String> incidents) {
        return hops[provider]
                .bean(JdbcClient.class)
                .sql("""
                        select distinct exchange_id::text || ' v' || exchange_version from federation_outbox
                        where subscription_id::text = :subscription and incident_id::text in (:incidents)""")
                .param("subscription", subscriptions[customer])
                .param("incidents", incidents)
                .query(String.class)
                .list();
    }

    private static long outboxRowsOf(int k, String incident) {
        return hops[k].bean(JdbcClient.class)
                .sql("select count(*) from federation_outbox where incident_id = ?::uuid")
                .param(incident)
                .query(Long.class)
                .single();
    }

    /** How many notes of the incident's timeline start with the text after its id ({@code <id> <start>}). */
    private static long notesAt(int k, String incidentAndStart) {
        String incident = incidentAndStart.substring(0, 36);
        String start = incidentAndStart.substring(37);
        return ok(handlers[k].get("/api/v1/incidents/" + incident + "/timeline"))
                .valueStream()
                .filter(entry -> entry.path("note").asString("").startsWith(start))
                .count();
    }

    /** Waits until the provider pushed everything it queued for the customer. */
    private static void awaitNothingPendingFor(int provider, int customer) {
        await(
                hops[provider].name() + " delivers everything to " + hops[customer].name(),
                () -> hops[provider]
                                        .bean(JdbcClient.class)
                                        .sql("select count(*) from federation_outbox where subscription_id::text = ?"
                                                + " and state <> 'delivered'")
                                        .param(subscriptions[customer])
                                        .query(Long.class)
                                        .single()
                                == 0
                        ? Optional.of(true)
                        : Optional.empty());
    }

    /**
     * Holds back the provider's pushes of these incidents to the customer, which is down, once each was tried and
     * failed: only a pull can bring them then. Their message ids.
     */
    private static List<String> holdPushesTo(int provider, int customer, List<String> incidents) {
        JdbcClient jdbc = hops[provider].bean(JdbcClient.class);
        String undelivered = """
                 where subscription_id::text = :subscription
                  and incident_id::text in (:incidents) and state <> 'delivered'""";
        return await(hops[provider].name() + " holds its pushes to " + hops[customer].name(), () -> {
            // a row being tried has its next attempt set when the attempt ends: held again in the next round
            jdbc.sql("update federation_outbox set next_attempt_at = now() + interval '1 day' " + undelivered
                            + " and attempts > 0 and last_error is not null")
                    .param("subscription", subscriptions[customer])
                    .param("incidents", incidents)
                    .update();
            sleep(Duration.ofMillis(300));
            List<String> all = jdbc.sql("select message_id::text from federation_outbox " + undelivered)
                    .param("subscription", subscriptions[customer])
                    .param("incidents", incidents)
                    .query(String.class)
                    .list();
            long held = jdbc.sql("select count(*) from federation_outbox " + undelivered
                            + " and state = 'pending' and next_attempt_at > now() + interval '12 hours'")
                    .param("subscription", subscriptions[customer])
                    .param("incidents", incidents)
                    .query(Long.class)
                    .single();
            return !all.isEmpty() && held == all.size() ? Optional.of(all) : Optional.empty();
        });
    }

    /** The page as the user sees it, signed in through the form over HTTP. */
    private static String page(int k, TestUsers.TestUser user, String path) {
        FormSession session = FormSession.signedIn(hops[k].port(), user.username(), TestUsers.PASSWORD);
        return session.get(path).body();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s in vain until " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long version(JsonNode json) {
        return json.get("version").asLong();
    }

    private static String id(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /**
     * The chain auditor walks back from both far ends: from SaaS-2 through SaaS-1 and PaaS-1 to the IaaS (four hops,
     * two relays), and from PaaS-2 straight to the IaaS, every hop proving its receipt and its issue by a record in a
     * checkpoint its neighbours cosigned.
     */
    @Test
    @Order(6)
    void theAuditorTracesBothFarEndsBackToTheIaas() {
        Trail trail = reachingEveryHop("Traced storage breach " + UUID.randomUUID());
        ChainAuditor.checkpointAndWitness(
                instances(),
                new CairnInstance[] {hops[IAAS], hops[PAAS_1]},
                new CairnInstance[] {hops[IAAS], hops[PAAS_2]},
                new CairnInstance[] {hops[PAAS_1], hops[SAAS_1]},
                new CairnInstance[] {hops[SAAS_1], hops[SAAS_2]});

        ChainAuditor.Run fromSaas2 = auditor.traceFrom(hops[SAAS_2], trail.at(SAAS_2));
        assertThat(fromSaas2.status()).as(fromSaas2.out()).isZero();
        assertThat(fromSaas2.out())
                .contains("hop 1: " + hops[SAAS_2].url())
                .contains("hop 2: " + hops[SAAS_1].url())
                .contains("hop 3: " + hops[PAAS_1].url())
                .contains("hop 4 (origin): " + hops[IAAS].url())
                .contains("origin: its incident " + trail.at(IAAS) + " was published here")
                .contains("The trail holds at every hop, back to the origin: 4 hops.");

        ChainAuditor.Run fromPaas2 = auditor.traceFrom(hops[PAAS_2], trail.at(PAAS_2));
        assertThat(fromPaas2.status()).as(fromPaas2.out()).isZero();
        assertThat(fromPaas2.out())
                .contains("hop 2 (origin): " + hops[IAAS].url())
                .contains("The trail holds at every hop, back to the origin: 2 hops.");
    }
}
