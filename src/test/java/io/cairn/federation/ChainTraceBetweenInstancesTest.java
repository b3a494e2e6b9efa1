package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.trace.TraceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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

    private final ECKey auditor = newKey();
    private CairnInstance origin;
    private CairnInstance relay;
    private CairnInstance receiver;

    @TempDir
    Path files;

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void startTheChain() {
        Map<String, Object> properties = Map.of(
                "cairn.federation.push-on-commit",
                false,
                "cairn.federation.chain-auditor-keys",
                new JWKSet(auditor.toPublicJWK()).toString(true));
        var o = CompletableFuture.supplyAsync(() -> CairnInstance.start("Origin", properties));
        var r = CompletableFuture.supplyAsync(() -> CairnInstance.start("Relay", properties));
        var c = CompletableFuture.supplyAsync(() -> CairnInstance.start("Receiver", properties));
        origin = o.join();
        relay = r.join();
        receiver = c.join();
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
        UUID providerAtCustomer = peer(customer, provider, "provider");
        UUID customerAtProvider = peer(provider, customer, "customer");
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        provider.bean(JdbcClient.class)
                .sql("""
                        insert into federation_subscription (id, peer_id, services, categories, auto_publish,
                          auto_confirmed_only, auto_relay, state, created_at, updated_at, version)
                        values (?, ?, '{}', '{}', true, false, true, 'active', ?, ?, 1)""")
                .params(id, customerAtProvider, now, now)
                .update();
        customer.bean(JdbcClient.class)
                .sql("""
                        insert into federation_upstream_subscription (id, peer_id, services, categories, state,
                          created_at, updated_at, version)
                        values (?, ?, '{}', '{}', 'active', ?, ?, 1)""")
                .params(id, providerAtCustomer, now, now)
                .update();
    }

    private static UUID peer(CairnInstance at, CairnInstance other, String role) {
        ApiClient.Answer registered = at.admin()
                .post(
                        "/api/v1/federation/peers",
                        Map.of("name", "Peer " + other.port(), "baseUrl", other.url(), "role", role));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return UUID.fromString(registered.json().get("id").asString());
    }

    /** Each instance signs a checkpoint of its trail and its neighbours witness it. */
    private void checkpointAndWitness() {
        for (CairnInstance instance : List.of(origin, relay, receiver)) {
            ApiClient.Answer signed = instance.admin().post("/api/v1/audit/checkpoints", Map.of());
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        }
        witness(relay, origin);
        witness(origin, relay);
        witness(receiver, relay);
        witness(relay, receiver);
    }

    private static void witness(CairnInstance witness, CairnInstance log) {
        String peer = witness.bean(PeerRegistry.class)
                .byBaseUrl(log.url())
                .orElseThrow()
                .id()
                .toString();
        ApiClient.Answer answer = witness.admin().post("/api/v1/federation/peers/" + peer + "/witnessing", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** An incident reported at the Origin, published by rule, relayed by rule, received at the Receiver. */
    private String incidentReceivedAtTheEnd(String title) {
        ApiClient reporter = origin.user("handler-" + UUID.randomUUID(), Set.of(Role.HANDLER, Role.COORDINATOR));
        ApiClient.Answer reported = reporter.post(
                "/api/v1/incidents", Map.of("title", title, "description", "Storage was read", "tlp", "GREEN"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        origin.bean(OutboxPusher.class).pushDue();
        relay.bean(OutboxPusher.class).pushDue();
        return receiver.bean(JdbcClient.class)
                .sql("select id::text from incident where title = ?")
                .param(title)
                .query(String.class)
                .single();
    }

    private record Run(int status, String out) {}

    private Run trace(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TraceCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private Path auditorKeyFile() throws Exception {
        Path key = files.resolve("auditor-" + UUID.randomUUID() + ".jwk");
        Files.writeString(key, auditor.toJSONString());
        return key;
    }

    @Test
    void theAuditorWalksFromTheReceiverBackToTheOriginAndEveryHopHolds() throws Exception {
        String atReceiver = incidentReceivedAtTheEnd("Traced " + UUID.randomUUID());
        checkpointAndWitness();
        Path trail = files.resolve("trail.json");

        Run run = trace(
                "--key", auditorKeyFile().toString(),
                "--url", receiver.url(),
                "--incident", atReceiver,
                "--out", trail.toString());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("hop 1: " + receiver.url())
                .contains("hop 2: " + relay.url())
                .contains("hop 3 (origin): " + origin.url())
                .contains("exchange-message.relayed")
                .contains("exchange-message.published")
                .contains("The trail holds at every hop, back to the origin: 3 hops.");
        Run checked = trace("--check", trail.toString());
        assertThat(checked.status()).as(checked.out()).isZero();
        assertThat(Files.readString(trail)).doesNotContain(auditor.getD().toString());
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

        Run run = trace("--key", auditorKeyFile().toString(), "--url", receiver.url(), "--incident", atReceiver);

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

        Path stranger = files.resolve("stranger.jwk");
        Files.writeString(stranger, newKey().toJSONString());
        Run refused = trace(
                "--key",
                stranger.toString(),
                "--url",
                relay.url(),
                "--incident",
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("401").contains("names no chain auditor key configured at this hop");

        Run unknown = trace(
                "--key",
                auditorKeyFile().toString(),
                "--url",
                relay.url(),
                "--incident",
                UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.out()).contains("404");

        Run wrongly = trace("--key", auditorKeyFile().toString(), "--url", relay.url());
        assertThat(wrongly.status()).isEqualTo(2);
        assertThat(wrongly.out()).contains("--incident is required");
    }
}
