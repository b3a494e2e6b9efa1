package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.QuietServer;
import io.cairn.identity.Role;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox pushes a publication as soon as it commits, and to every subscription of a large audience in one pass:
 * with the scheduled pass a day away ({@link QuietServer}), a publication to more subscriptions than one round takes
 * (100) reaches all of them within seconds (the federation benchmark's fan-out waited one {@code push-interval} per 100
 * subscribers).
 */
@QuietServer
class PushOnCommitServerTest extends ApiClient.OnServer {

    private static final int SUBSCRIPTIONS = 150;

    @Autowired
    JdbcClient jdbc;

    private HttpServer receiver;
    private final AtomicInteger received = new AtomicInteger();
    private UUID peer;

    @BeforeEach
    void aCustomerWithManySubscriptions() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // an inbox that takes one message at a time: an envelope is 415, and the pusher sends its messages alone
        receiver.createContext("/federation/v1/inbox", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean alone =
                    "application/jose".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (alone) {
                received.incrementAndGet();
            }
            exchange.sendResponseHeaders(alone ? 200 : 415, -1);
            exchange.close();
        });
        receiver.start();
        ECKey key = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyIDFromThumbprint(true)
                .generate();
        ApiClient admin = client(users.user("pushadmin", Set.of(Role.ADMIN)));
        ApiClient.Answer registered = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        "Customer " + UUID.randomUUID(),
                        "baseUrl",
                        "http://127.0.0.1:" + receiver.getAddress().getPort(),
                        "role",
                        "customer",
                        "keys",
                        new JWKSet(key.toPublicJWK()).toJSONObject(true)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        peer = UUID.fromString(registered.json().get("id").asString());
    }

    @AfterEach
    void stopTheCustomer() {
        receiver.stop(0);
    }

    @Test
    void aPublicationReachesEverySubscriptionRightAfterItCommitsWithoutWaitingForTheInterval() throws Exception {
        List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into federation_subscription (id, peer_id, services, categories, auto_publish,
                      auto_confirmed_only, state, created_at, updated_at, version)
                    values (?, ?, '{}', '{}', false, false, 'active', now(), now(), 1)""").params(id, peer).update();
            subscriptions.add(id.toString());
        }
        ApiClient handler = client(users.user("pushhandler", Set.of(Role.HANDLER, Role.COORDINATOR)));
        ApiClient.Answer reported = handler.post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        "Storage breach " + UUID.randomUUID(),
                        "description",
                        "Disks were read",
                        "tlp",
                        "GREEN"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incident = reported.json().get("id").asString();

        ApiClient.Answer published =
                handler.post("/api/v1/incidents/" + incident + "/publication", Map.of("subscriptions", subscriptions));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (delivered() < SUBSCRIPTIONS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received.get()).isEqualTo(SUBSCRIPTIONS);
        assertThat(delivered()).isEqualTo(SUBSCRIPTIONS);
    }

    /** Messages to the customer recorded as delivered (a push is recorded just after the customer answered). */
    private long delivered() {
        return jdbc.sql("select count(*) from federation_outbox where peer_id = ? and state = 'delivered'")
                .param(peer)
                .query(Long.class)
                .single();
    }
}
