package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.notification.NotificationManagement;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The inbox, {@code POST /federation/v1/inbox}, against messages signed in the test by a provider peer registered
 * with a pasted key: a message is accepted once stored and applied right after; the first version becomes a report
 * marked as received from the provider, later versions add a note naming what changed, a retraction and a change of
 * marking follow, a lower version is superseded and a message seen before (its id, or its incident and version) a
 * duplicate (also when two copies arrive at once); every forged, misaddressed, stale, malformed or oversized message
 * and every customer's push is refused with the reason, nothing stored.
 */
@MailServers.Running
class ProviderInboxTest extends ApiClient.OnServer {

    private static final String SERVER = "https://cairn.test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationManagement notifications;

    private String run;
    private ApiClient admin;
    private ApiClient handler;
    private ProviderFixture provider;

    @BeforeEach
    void aProvider() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("inbox-admin-" + run, Set.of(Role.ADMIN)));
        handler = client(users.user("inbox-handler-" + run, Set.of(Role.HANDLER)));
        provider = new ProviderFixture(
                admin, jdbc, SERVER, port, "Provider " + run, "https://provider-" + run + ".example");
    }

    @Test
    void theFirstVersionBecomesAReportMarkedAsReceivedFromTheProvider() {
        UUID exchange = UUID.randomUUID();
        JsonNode message = provider.publication(exchange, 1);

        ApiClient.Answer answer = provider.push(provider.sign(message));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("accepted");
        AppliedMessages.await(jdbc);
        assertThat(answer.json().get("messageId").asString())
                .isEqualTo(message.get("messageId").asString());
        String incident = provider.incidentOf(exchange);
        JsonNode view = handler.get("/api/v1/incidents/" + incident).json();
        assertThat(view.get("title").asString()).isEqualTo("Storage breach at the provider");
        assertThat(view.get("severity").asString()).isEqualTo("high");
        assertThat(view.get("tlp").asString()).isEqualTo("AMBER");
        assertThat(view.get("determination").asString()).isEqualTo("confirmed");
        assertThat(view.get("receivedFrom").asString()).isEqualTo("Provider " + run);
        assertThat(view.get("relayed").asBoolean()).isFalse();
        JsonNode received =
                handler.get("/api/v1/incidents?received=true&size=200").json().get("items");
        assertThat(received.valueStream()
                        .filter(row -> row.get("id").asString().equals(incident))
                        .map(row -> row.get("receivedFrom").asString()))
                .containsExactly("Provider " + run);
        assertThat(handler.get("/api/v1/incidents?received=false&size=200").body())
                .doesNotContain(incident);
        JsonNode observables =
                handler.get("/api/v1/incidents/" + incident + "/observables").json();
        assertThat(observables.toString()).contains("provider");
        assertThat(observables.findValues("value").stream().map(JsonNode::asString))
                .containsExactly("203.0.113.7");
        assertThat(observables.findValues("tlp").stream().map(JsonNode::asString))
                .as("the provider marked the indicator GREEN in an AMBER incident")
                .containsExactly("GREEN");
        assertThat(timeline(incident))
                .contains("Rotate the access keys of your buckets")
                .contains("Object storage")
                .contains("not a domain!");
        assertThat(snapshot(exchange)).contains("org.example:risk");
        assertThat(auditActions(message.get("messageId").asString())).containsExactly("federation-message.accepted");
        assertThat(state(message.get("messageId").asString())).isEqualTo("applied");
    }

    @Test
    void aLaterVersionNotesWhatChangedAndKeepsTheLocalTriage() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 1)));
        String incident = provider.incidentOf(exchange);
        JsonNode v2 = ProviderFixture.edited(provider.publication(exchange, 2), m -> {
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("severity", "critical");
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("title", "Storage breach, widened");
            return m;
        });

        ApiClient.Answer answer = provider.push(provider.sign(v2));

        assertThat(answer.json().get("outcome").asString()).isEqualTo("accepted");
        AppliedMessages.await(jdbc);
        assertThat(timeline(incident))
                .contains("severity: high -> critical")
                .contains("title: Storage breach at the provider -> Storage breach, widened");
        JsonNode view = handler.get("/api/v1/incidents/" + incident).json();
        assertThat(view.get("title").asString()).isEqualTo("Storage breach at the provider");
        assertThat(view.get("severity").asString()).isEqualTo("high");
        assertThat(snapshot(exchange)).contains("Storage breach, widened");
    }

    @Test
    void aLowerOrEqualVersionIsSupersededAndASeenMessageADuplicate() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 2)));
        JsonNode lower = provider.publication(exchange, 1);
        String seen = provider.sign(lower);

        ApiClient.Answer superseded = pushed(seen);
        long stored = count("federation_received_message");
        ApiClient.Answer again = provider.push(seen);
        ApiClient.Answer sameVersion = provider.push(provider.sign(provider.publication(exchange, 2)));

        assertThat(superseded.json().get("outcome").asString()).isEqualTo("accepted");
        assertThat(state(lower.get("messageId").asString())).isEqualTo("superseded");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(sameVersion.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(count("federation_received_message")).isEqualTo(stored);
        assertThat(jdbc.sql("select version from federation_received_incident where exchange_id = ?")
                        .param(exchange)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void twoCopiesArrivingAtOnceAreAppliedOnceAndTheOtherIsADuplicate() throws Exception {
        UUID exchange = UUID.randomUUID();
        String jws = provider.sign(provider.publication(exchange, 1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> pushes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pushes.add(() -> provider.push(jws).json().get("outcome").asString());
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(pushes)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("accepted", "duplicate", "duplicate", "duplicate");
        } finally {
            pool.shutdown();
        }
        AppliedMessages.await(jdbc);
        assertThat(jdbc.sql("select count(*) from incident where received_from = ?")
                        .param("Provider " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void manyPushesAtOnceAreEachStoredOnceWithTheirOwnReceiptInAnIntactAuditTrail() throws Exception {
        List<UUID> exchanges = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            exchanges.add(UUID.randomUUID());
            signed.add(provider.sign(provider.publication(exchanges.get(i), 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Callable<String>> pushes = new ArrayList<>();
            for (String jws : signed) {
                pushes.add(() -> provider.push(jws).json().get("outcome").asString());
            }
            for (Future<String> outcome : pool.invokeAll(pushes)) {
                outcomes.add(outcome.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(outcomes).hasSize(24).containsOnly("accepted");
        List<String> digests = jdbc.sql("select sha256 from federation_received_message where exchange_id = any(?)")
                .param(exchanges.toArray(UUID[]::new))
                .query(String.class)
                .list();
        assertThat(digests).hasSize(24).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                        select count(*) from audit_record
                        where action = 'federation-message.accepted' and after_digest = any(?)""")
                        .param(digests.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .as("one receipt in the audit trail per message stored")
                .isEqualTo(24L);
        AppliedMessages.await(jdbc);
        assertThat(jdbc.sql("select count(*) from incident where received_from = ?")
                        .param("Provider " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(24L);
        ApiClient auditor = client(users.user("inbox-auditor-" + run, Set.of(Role.AUDITOR)));
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void aSignedRequestUsedBeforeIsRefusedAsAReplayAndItsMessageIsNotStored() throws Exception {
        String bearer = provider.bearer(provider.key);
        UUID first = UUID.randomUUID();
        assertThat(provider.pushWithBearer(provider.sign(provider.publication(first, 1)), bearer)
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("accepted");

        UUID second = UUID.randomUUID();
        ApiClient.Answer replayed = provider.pushWithBearer(provider.sign(provider.publication(second, 1)), bearer);

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replayed.body()).contains("a replay");
        assertThat(replayed.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(provider.storedMessagesOf(second)).isZero();

        // the same fresh request twice at once: one stores its message, the other is a replay
        String once = provider.bearer(provider.key);
        List<UUID> exchanges = List.of(UUID.randomUUID(), UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> pushes = new ArrayList<>();
            for (UUID exchange : exchanges) {
                String jws = provider.sign(provider.publication(exchange, 1));
                pushes.add(() -> provider.pushWithBearer(jws, once).status());
            }
            for (Future<Integer> status : pool.invokeAll(pushes)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        assertThat(provider.storedMessagesOf(exchanges.get(0)) + provider.storedMessagesOf(exchanges.get(1)))
                .isEqualTo(1L);
    }

    @Test
    void aRetractionIsNotedWithItsReasonAndMarksTheIncident() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 1)));
        JsonNode retraction = ProviderFixture.edited(provider.publication(exchange, 2), m -> {
            m.put("kind", "retraction");
            m.set(
                    "retraction",
                    tools.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode()
                            .put("reason", "A false alarm of our scanner"));
            return m;
        });

        assertThat(pushed(provider.sign(retraction)).json().get("outcome").asString())
                .isEqualTo("accepted");
        assertThat(timeline(provider.incidentOf(exchange)))
                .contains("Retracted by the provider: A false alarm of our scanner");
        assertThat(jdbc.sql("select retraction_reason from federation_received_incident where exchange_id = ?")
                        .param(exchange)
                        .query(String.class)
                        .single())
                .isEqualTo("A false alarm of our scanner");
    }

    @Test
    void theIncidentsMarkingFollowsTheProvidersChangeWithItsReason() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 1)));
        JsonNode marking = ProviderFixture.edited(provider.publication(exchange, 2), m -> {
            m.put("kind", "marking");
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("tlp", "GREEN");
            m.set(
                    "markingChange",
                    tools.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode()
                            .put("reason", "Customers may share it in their community")
                            .put("previousTlp", "AMBER")
                            .put("previousPap", "AMBER"));
            return m;
        });

        assertThat(pushed(provider.sign(marking)).json().get("outcome").asString())
                .isEqualTo("accepted");
        String incident = provider.incidentOf(exchange);
        assertThat(handler.get("/api/v1/incidents/" + incident)
                        .json()
                        .get("tlp")
                        .asString())
                .isEqualTo("GREEN");
        assertThat(timeline(incident)).contains("Customers may share it in their community");
    }

    @Test
    void aPersonalDataBreachIsToldToThePrivacyOfficersOnce() throws Exception {
        String officerAddress = "dpo-" + run + "@example.org";
        ApiClient officer = client(users.userNamed("inbox-dpo-" + run, officerAddress, Set.of(Role.PRIVACY_OFFICER)));
        String handlerAddress = "handler-" + run + "@example.org";
        ApiClient mailedHandler = client(users.userNamed("inbox-h2-" + run, handlerAddress, Set.of(Role.HANDLER)));
        UUID exchange = UUID.randomUUID();
        JsonNode breach = provider.breach(exchange, 1, ProviderFixture.NOW.minus(Duration.ofHours(3)));

        pushed(provider.sign(breach));
        pushed(provider.sign(ProviderFixture.edited(breach, m -> {
            m.put("messageId", UUID.randomUUID().toString());
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("version", 2);
            return m;
        })));
        notifications.deliverDue();

        String reference = handler.get("/api/v1/incidents/" + provider.incidentOf(exchange))
                .json()
                .get("reference")
                .asString();
        assertThat(officer.get("/api/v1/notifications").body()).contains(reference);
        assertThat(mailedHandler.get("/api/v1/notifications").body()).doesNotContain(reference);
        assertThat(MailServers.sentTo(officerAddress))
                .extracting(MimeMessage::getSubject)
                .containsExactly(reference + ": a provider reports a personal-data breach");
        assertThat(MailServers.sentTo(handlerAddress)).isEmpty();
        assertThat(auditActions(provider.incidentOf(exchange))).contains("incident.personal-data-breach-received");
    }

    @Test
    void aReporterDoesNotSeeAReceivedIncident() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 1)));
        ApiClient reporter = client(users.user("inbox-reporter-" + run, Set.of(Role.REPORTER)));

        assertThat(reporter.get("/api/v1/incidents/" + provider.incidentOf(exchange))
                        .status())
                .isEqualTo(404);
        assertThat(reporter.get("/api/v1/incidents?received=true").body())
                .doesNotContain(provider.incidentOf(exchange));
    }

    @Test
    void everyBadMessageIsRefusedWithTheReasonAndNothingIsStored() {
        UUID exchange = UUID.randomUUID();
        JsonNode good = provider.publication(exchange, 1);
        ECKey stranger = ProviderFixture.newKey();
        String signed = provider.sign(good);
        String forged = signed.substring(0, signed.lastIndexOf('.') + 1)
                + ProviderFixture.sign(good, stranger)
                        .substring(ProviderFixture.sign(good, stranger).lastIndexOf('.') + 1);
        long before = count("federation_received_message");

        ProviderFixture.assertRefused(provider.push(forged), 400, "jws", "signature");
        ProviderFixture.assertRefused(provider.push(ProviderFixture.sign(good, stranger)), 400, "jws", "kid");
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    m.set(
                            "publisher",
                            tools.jackson.databind.json.JsonMapper.builder()
                                    .build()
                                    .valueToTree(Map.of("name", "x", "url", "https://other.example")));
                    return m;
                }))),
                400,
                "/publisher/url",
                "signed");
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    m.set(
                            "recipient",
                            tools.jackson.databind.json.JsonMapper.builder()
                                    .build()
                                    .valueToTree(Map.of("url", "https://someone-else.example")));
                    return m;
                }))),
                400,
                "/recipient/url",
                SERVER);
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    m.put("subscription", UUID.randomUUID().toString());
                    return m;
                }))),
                400,
                "/subscription",
                "subscription");
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    m.put(
                            "issuedAt",
                            ProviderFixture.NOW.minus(Duration.ofDays(4)).toString());
                    m.put(
                            "expiresAt",
                            ProviderFixture.NOW.minus(Duration.ofDays(1)).toString());
                    ((tools.jackson.databind.node.ObjectNode) m.get("incident"))
                            .put(
                                    "updatedAt",
                                    ProviderFixture.NOW
                                            .minus(Duration.ofDays(5))
                                            .toString());
                    ((tools.jackson.databind.node.ObjectNode) m.get("incident"))
                            .put(
                                    "occurredAt",
                                    ProviderFixture.NOW
                                            .minus(Duration.ofDays(6))
                                            .toString());
                    ((tools.jackson.databind.node.ObjectNode) m.get("incident"))
                            .put(
                                    "detectedAt",
                                    ProviderFixture.NOW
                                            .minus(Duration.ofDays(6))
                                            .toString());
                    return m;
                }))),
                400,
                "/expiresAt",
                "expired");
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    m.put(
                            "issuedAt",
                            ProviderFixture.NOW.plus(Duration.ofHours(1)).toString());
                    return m;
                }))),
                400,
                "/issuedAt",
                "future");
        ProviderFixture.assertRefused(
                provider.push(provider.sign(ProviderFixture.edited(good, m -> {
                    ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("severity", "apocalyptic");
                    return m;
                }))),
                400,
                "/incident/severity",
                "");
        ProviderFixture.assertRefused(
                provider.push(signed, provider.key, "application/json"), 400, "body", "only member");
        ProviderFixture.assertRefused(
                provider.push(signed, provider.key, "text/plain"), 415, "Content-Type", "application/jose");
        ApiClient.Answer oversized = provider.send(
                HttpRequest.BodyPublishers.ofString("a".repeat(400_000)), provider.key, "application/jose");
        assertThat(oversized.status()).as(oversized.toString()).isEqualTo(413);

        assertThat(count("federation_received_message")).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from federation_received_incident where exchange_id = ?")
                        .param(exchange)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aKeyRotatedOutOfThePeersKeysNoLongerSigns() {
        ECKey old = provider.key;
        ECKey next = ProviderFixture.newKey();
        JsonNode peer = admin.get("/api/v1/federation/peers/" + provider.peerId).json();
        ApiClient.Answer changed = admin.put(
                "/api/v1/federation/peers/" + provider.peerId,
                Map.of(
                        "name", peer.get("name").asString(),
                        "baseUrl", peer.get("baseUrl").asString(),
                        "role", "provider",
                        "keys", Map.of("keys", List.of(next.toPublicJWK().toJSONObject())),
                        "version", peer.get("version").asLong()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        String signedWithOld = ProviderFixture.sign(provider.publication(UUID.randomUUID(), 1), old);

        ProviderFixture.assertRefused(provider.push(signedWithOld, next, "application/jose"), 400, "jws", "kid");
        assertThat(provider.push(signedWithOld, old, "application/jose").status())
                .isEqualTo(401);
    }

    @Test
    void aCustomerPeerMayNotPushToTheInbox() {
        ProviderFixture customer = new ProviderFixture(
                admin, jdbc, SERVER, port, "Customer " + run, "https://customer-" + run + ".example", "customer");

        ApiClient.Answer pushed = customer.push(customer.sign(customer.publication(UUID.randomUUID(), 1)));

        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(403);
        assertThat(pushed.body()).contains("customer");
    }

    @Test
    void theIncidentPageShowsTheProvidersSnapshotAndWhatChangedInEnglishAndDutch() {
        UUID exchange = UUID.randomUUID();
        pushed(provider.sign(provider.publication(exchange, 1)));
        pushed(provider.sign(ProviderFixture.edited(provider.publication(exchange, 2), m -> {
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("severity", "critical");
            return m;
        })));
        String incident = provider.incidentOf(exchange);
        io.cairn.identity.TestUsers.TestUser reader = users.user("inbox-page-" + run, Set.of(Role.HANDLER));
        io.cairn.FormSession page =
                io.cairn.FormSession.signedIn(port, reader.username(), io.cairn.identity.TestUsers.PASSWORD);

        ApiClient.Answer section = page.get("/incidents/" + incident + "/received");
        ApiClient.Answer dutch = page.get("/incidents/" + incident + "/received", "Accept-Language", "nl");
        ApiClient.Answer list = page.get("/incidents?received=true");

        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body())
                .contains("As the provider states it")
                .contains("Provider " + run)
                .contains("Version 2")
                .contains("severity: high -&gt; critical")
                .contains("Rotate the access keys of your buckets");
        assertThat(dutch.body()).contains("Zoals de leverancier het meldt");
        assertThat(list.body()).contains("From Provider " + run);
        assertThat(page.get("/incidents?received=maybe").body()).contains("is not a value this filter knows");
        io.cairn.FormSession officer = io.cairn.FormSession.signedIn(
                port,
                users.user("inbox-pa-" + run, Set.of(Role.ADMIN)).username(),
                io.cairn.identity.TestUsers.PASSWORD);
        assertThat(officer.get("/admin/peers/" + provider.peerId + "/upstream").body())
                .contains(provider.subscription.toString())
                .contains("Catch up now")
                .contains("0 waiting to be applied, 2 applied, 0 superseded");
    }

    /** Pushes the message, which must be accepted, and waits until it is applied. */
    private ApiClient.Answer pushed(String jws) {
        ApiClient.Answer answer = provider.push(jws);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        AppliedMessages.await(jdbc);
        return answer;
    }

    private String state(String messageId) {
        return jdbc.sql("select outcome from federation_received_message where message_id = ?::uuid")
                .param(messageId)
                .query(String.class)
                .single();
    }

    private String snapshot(UUID exchange) {
        return jdbc.sql("select snapshot::text from federation_received_incident where exchange_id = ?")
                .param(exchange)
                .query(String.class)
                .single();
    }

    private String timeline(String incident) {
        return handler.get("/api/v1/incidents/" + incident + "/timeline").body();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> auditActions(String objectId) {
        return jdbc.sql("select action from audit_record where object_id = ? order by seq")
                .param(objectId)
                .query(String.class)
                .list();
    }
}
