package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chain auditor follows an incident back over real HTTP through three instances, Origin -> Relay -> Receiver, each
 * configured with the auditor's public key and witnessed by its neighbours: the {@code trace} command, run with the
 * auditor's private key, walks from the Receiver's incident to the Origin's, and every hop proves its receipt and its
 * issue by an audit record in a checkpoint its peers cosigned. Altering the Relay's record of the receipt breaks the
 * walk exactly there. Only a configured auditor's signed request is answered.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainTraceBetweenInstancesTest {

    private ChainAuditor auditor;
    private CairnInstance origin;
    private CairnInstance relay;
    private CairnInstance receiver;

    @TempDir
    Path files;

    @BeforeAll
    void startTheChain() throws java.io.IOException {
        auditor = new ChainAuditor(Files.createTempDirectory("chain-auditor"));
        Map<String, Object> properties = new java.util.HashMap<>(auditor.configuredAtAHop());
        properties.put("cairn.federation.push-on-commit", false);
        List<CairnInstance> started = CairnInstance.startAll(
                3,
                i -> CairnInstance.start(List.of("Origin", "Relay", "Receiver").get(i), properties));
        origin = started.get(0);
        relay = started.get(1);
        receiver = started.get(2);
        connect(origin, relay);
        connect(relay, receiver);
    }

    @AfterAll
    void stopTheChain() {
        for (CairnInstance instance : new CairnInstance[] {origin, relay, receiver}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    /** Registers the two as each other's peers and an active subscription whose rule publishes and relays all. */
    private static void connect(CairnInstance provider, CairnInstance customer) {
        CairnInstance.connect(provider, "Peer " + provider.port(), customer, "Peer " + customer.port(), true);
    }

    /** Each instance signs a checkpoint of its trail and its neighbours witness it. */
    private void checkpointAndWitness() {
        ChainAuditor.checkpointAndWitness(
                List.of(origin, relay, receiver),
                new CairnInstance[] {origin, relay},
                new CairnInstance[] {relay, receiver});
    }

    /** An incident reported at the Origin, published by rule, relayed by rule, received at the Receiver. */
    private String incidentReceivedAtTheEnd(String title) {
        ApiClient reporter = origin.user("handler-" + UUID.randomUUID(), Set.of(Role.HANDLER, Role.COORDINATOR));
        ApiClient.Answer reported = reporter.post(
                "/api/v1/incidents", Map.of("title", title, "description", "Storage was read", "tlp", "GREEN"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        origin.bean(OutboxPusher.class).pushDue();
        AppliedMessages.await(relay.bean(JdbcClient.class));
        relay.bean(OutboxPusher.class).pushDue();
        AppliedMessages.await(receiver.bean(JdbcClient.class));
        return receiver.bean(JdbcClient.class)
                .sql("select id::text from incident where title = ?")
                .param(title)
                .query(String.class)
                .single();
    }

    @Test
    void theAuditorWalksFromTheReceiverBackToTheOriginAndEveryHopHolds() throws Exception {
        String atReceiver = incidentReceivedAtTheEnd("Traced " + UUID.randomUUID());
        checkpointAndWitness();
        Path trail = files.resolve("trail.json");

        ChainAuditor.Run run = auditor.traceFrom(receiver, atReceiver, "--out", trail.toString());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("hop 1: " + receiver.url())
                .contains("hop 2: " + relay.url())
                .contains("hop 3 (origin): " + origin.url())
                .contains("exchange-message.relayed")
                .contains("exchange-message.published")
                .contains("The trail holds at every hop, back to the origin: 3 hops.");
        ChainAuditor.Run checked = ChainAuditor.trace("--check", trail.toString());
        assertThat(checked.status()).as(checked.out()).isZero();
        assertThat(Files.readString(trail)).doesNotContain(auditor.privatePart());
    }

    @Test
    void alteringTheRelaysRecordOfTheReceiptBreaksTheWalkAtTheRelay() throws Exception {
        String title = "Altered " + UUID.randomUUID();
        String atReceiver = incidentReceivedAtTheEnd(title);
        checkpointAndWitness();
        JdbcClient atRelay = relay.bean(JdbcClient.class);
        String receipt = atRelay.sql("""
                        select m.sha256 from federation_received_message m
                        join federation_received_incident r on r.exchange_id = m.exchange_id
                        join incident i on i.id = r.incident_id
                        where i.title = ?""").param(title).query(String.class).single();
        assertThat(atRelay.sql("update audit_record set actor_name = 'Someone else' where after_digest = ?")
                        .param(receipt)
                        .update())
                .isEqualTo(1);

        ChainAuditor.Run run = auditor.traceFrom(receiver, atReceiver);

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out())
                .contains("BROKEN  its audit record #")
                .contains("was altered: its hash does not match its content")
                .contains("The trail breaks at hop 2: " + relay.url());
    }

    @Test
    void onlyAConfiguredAuditorsSignedRequestIsAnsweredAndItOpensNothingElse() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(URI.create(relay.url() + "/federation/v1/trace/keys"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);

        ChainAuditor.Run refused =
                new ChainAuditor(files).traceFrom(relay, UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("401").contains("names no chain auditor key configured at this hop");

        ChainAuditor.Run unknown = auditor.traceFrom(relay, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.out()).contains("404");

        PeerView relayAtOrigin =
                origin.bean(PeerRegistry.class).byBaseUrl(relay.url()).orElseThrow();
        Outcome<PeerHttp.Answer> peerAsks =
                origin.bean(PeerClient.class).get(relayAtOrigin, "/federation/v1/trace/keys");
        assertThat(((Outcome.Done<PeerHttp.Answer>) peerAsks).value().status())
                .as("a peer's signed request is no auditor's")
                .isEqualTo(401);

        HttpResponse<String> auditorAsPeer = http.send(
                HttpRequest.newBuilder(URI.create(relay.url() + "/federation/v1/services"))
                        .header(
                                "Authorization",
                                "Bearer " + auditor.signedRequest(relay.url(), "/federation/v1/services"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(auditorAsPeer.statusCode()).isEqualTo(401);
        assertThat(auditorAsPeer.body()).contains("iss is not the base URL of a registered, active peer");

        ChainAuditor.Run wrongly = ChainAuditor.trace("--key", auditor.keyFile().toString(), "--url", relay.url());
        assertThat(wrongly.status()).isEqualTo(2);
        assertThat(wrongly.out()).contains("--incident is required");
    }

    @Test
    @ExtendWith(Browser.Extension.class)
    void anAuditorSeesTheSealedEntriesAndChecksAnExportedTrailOnAPhoneInEnglishAndDutch(Browser browser)
            throws Exception {
        String atReceiver = incidentReceivedAtTheEnd("On the page " + UUID.randomUUID());
        checkpointAndWitness();
        Path trail = files.resolve("page-trail.json");
        ChainAuditor.Run traced = auditor.traceFrom(receiver, atReceiver, "--out", trail.toString());
        assertThat(traced.status()).as(traced.out()).isZero();
        String receipt = receiver.bean(JdbcClient.class)
                .sql("""
                        select m.sha256 from federation_received_message m
                        join federation_received_incident r on r.exchange_id = m.exchange_id
                        where r.incident_id = ?::uuid""")
                .param(atReceiver)
                .query(String.class)
                .single();
        TestUsers.TestUser person = new TestUsers(receiver.context()).user("chain-auditor", Set.of(Role.AUDITOR));

        browser.at(receiver.port()).signIn(person).phone().open("/audit/provenance?incident=" + atReceiver);
        assertThat(browser.text(By.tagName("main")))
                .contains(receipt)
                .contains("java -jar cairn.jar trace --key auditor.jwk --url " + receiver.url() + " --incident "
                        + atReceiver);
        assertThat(browser.overflowsSideways()).isFalse();

        browser.open("/audit/trails");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("trail-file-error"))).isEqualTo("Choose the trail file");

        browser.find(By.id("trail-file")).sendKeys(trail.toAbsolutePath().toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.tagName("main")))
                .contains("The trail holds at every hop, back to the origin: 3 hops.")
                .contains("origin: its incident");
        assertThat(browser.overflowsSideways()).isFalse();

        tools.jackson.databind.node.ObjectNode tampered =
                (tools.jackson.databind.node.ObjectNode) ExchangeJson.MAPPER.readTree(Files.readString(trail));
        ((tools.jackson.databind.node.ObjectNode) tampered.get("hops")
                        .get(1)
                        .get("received")
                        .get("records")
                        .get(0)
                        .get("record"))
                .put("actorName", "Someone else");
        Path altered = files.resolve("altered-trail.json");
        Files.writeString(altered, ExchangeJson.MAPPER.writeValueAsString(tampered));
        browser.open("/audit/trails?lang=nl");
        browser.find(By.id("trail-file")).sendKeys(altered.toAbsolutePath().toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.tagName("main")))
                .contains("Het spoor breekt bij hop 2: " + relay.url())
                .contains("is gewijzigd: de hash klopt niet met de inhoud");
    }
}
