package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pull client against a provider's feed served by a small HTTP server in the test: a subscriber that was down
 * while some messages were pushed catches up completely by pulling, page by page, nothing lost and nothing applied
 * twice; a provider that is down or answers garbage is reported with the reason, the cursor stays, and the next round
 * goes on from there.
 */
@MailServers.Running
class ProviderFeedPullTest extends ApiClient.OnServer {

    private static final String SERVER = "https://cairn.test";
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private HttpServer feed;
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<String> afters = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> broken = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger perPage = new java.util.concurrent.atomic.AtomicInteger(2);
    private ApiClient admin;
    private ProviderFixture provider;
    private String run;

    @BeforeEach
    void aProviderWithAFeed() throws IOException {
        run = Long.toString(System.nanoTime(), 36);
        feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String after = null;
            for (String part : query == null ? new String[0] : query.split("&")) {
                if (part.startsWith("after=")) {
                    after = URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
                }
            }
            afters.add(String.valueOf(after));
            byte[] body;
            int status = 200;
            if (broken.get() != null) {
                status = broken.get().equals("down") ? 503 : 200;
                body = "<html>not a feed</html>".getBytes(StandardCharsets.UTF_8);
            } else {
                // pages of two unless a test says otherwise, whatever the limit asked, so that a catch-up reads
                // several pages
                int from = after == null ? 0 : Integer.parseInt(after.substring(4));
                int to = Math.min(published.size(), from + perPage.get());
                body = json.writeValueAsBytes(Map.of("messages", published.subList(from, to), "next", "seq-" + to));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        feed.start();
        admin = client(users.user("pull-admin-" + run, Set.of(Role.ADMIN)));
        provider = new ProviderFixture(
                admin,
                jdbc,
                SERVER,
                port,
                "Feed provider " + run,
                "http://127.0.0.1:" + feed.getAddress().getPort());
    }

    @AfterEach
    void stopTheFeed() {
        feed.stop(0);
    }

    @Test
    void aSubscriberThatWasDownCatchesUpWithNothingLostAndNothingAppliedTwice() {
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> messages = new ArrayList<>();
        for (UUID incident : incidents) {
            messages.add(provider.sign(provider.publication(incident, 1)));
        }
        messages.add(provider.sign(provider.publication(incidents.get(0), 2)));
        messages.add(provider.sign(provider.publication(incidents.get(1), 2)));
        published.addAll(messages);
        // pushed while this instance was up: the first two; it was down for the other three
        provider.push(messages.get(0));
        provider.push(messages.get(1));

        JsonNode pull = catchUp();

        assertThat(pull.get("accepted").asInt()).isEqualTo(3);
        assertThat(pull.get("duplicates").asInt()).isEqualTo(2);
        assertThat(pull.get("refused").asInt()).isZero();
        assertThat(pull.get("pages").asInt()).isEqualTo(3);
        assertThat(pull.get("failure").isNull()).isTrue();
        AppliedMessages.await(jdbc);
        for (UUID incident : incidents) {
            assertThat(version(incident)).isEqualTo(incident.equals(incidents.get(2)) ? 1L : 2L);
        }
        assertThat(jdbc.sql("select count(*) from incident where received_from = ?")
                        .param("Feed provider " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
        assertThat(cursor()).isEqualTo("seq-5");

        JsonNode again = catchUp();

        assertThat(again.get("accepted").asInt() + again.get("duplicates").asInt())
                .isZero();
        assertThat(afters).last().isEqualTo("seq-5");
    }

    @Test
    void aBadMessageInTheMiddleOfAPageIsSkippedWithItsReasonAndHoldsNoGoodOneBack() {
        perPage.set(5);
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            incidents.add(UUID.randomUUID());
            published.add(provider.sign(provider.publication(incidents.get(i), 1)));
        }
        // the third message's signature is the fourth's: it verifies with no key of the provider
        String third = published.get(2);
        String fourth = published.get(3);
        String forged = third.substring(0, third.lastIndexOf('.')) + fourth.substring(fourth.lastIndexOf('.'));
        published.set(2, forged);

        JsonNode pull = catchUp();

        assertThat(pull.get("failure").isNull()).as(pull.toString()).isTrue();
        assertThat(pull.get("pages").asInt()).isEqualTo(1);
        assertThat(pull.get("accepted").asInt()).isEqualTo(4);
        assertThat(pull.get("refused").asInt()).isEqualTo(1);
        assertThat(pull.get("refusals")).hasSize(1);
        assertThat(pull.get("refusals").get(0).asString())
                .startsWith("page 1, message 3: ")
                .contains("signature");
        assertThat(cursor()).isEqualTo("seq-5");
        AppliedMessages.await(jdbc);
        for (int i = 0; i < 5; i++) {
            long stored = jdbc.sql("select count(*) from federation_received_message where exchange_id = ?")
                    .param(incidents.get(i))
                    .query(Long.class)
                    .single();
            assertThat(stored).as("message %d", i + 1).isEqualTo(i == 2 ? 0L : 1L);
        }
        List<String> digests = jdbc.sql("select sha256 from federation_received_message where exchange_id = any(?)")
                .param(incidents.toArray(UUID[]::new))
                .query(String.class)
                .list();
        assertThat(jdbc.sql("""
                        select count(*) from audit_record
                        where action = 'federation-message.accepted' and after_digest = any(?)""")
                        .param(digests.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .as("one receipt in the audit trail per message stored")
                .isEqualTo(4L);
        assertThat(jdbc.sql("select count(*) from audit_record where after_digest = ?")
                        .param(io.cairn.shared.ContentDigest.of(forged.getBytes(StandardCharsets.US_ASCII))
                                .hex())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPageLargerThanOneMessageMayBeIsRead() {
        // each message within the limit of one message (256 KB), a page of two beyond it: every real message carries a
        // provenance entry padded to at least 4 KiB, so a page of 100 real ones is about 800 KB
        String padded = "eyJhbGciOiJFQ0RILUVTIn0.a.b.c." + "d".repeat(100_000);
        for (int i = 0; i < 4; i++) {
            published.add(provider.sign(ProviderFixture.edited(provider.publication(UUID.randomUUID(), 1), message -> {
                ((tools.jackson.databind.node.ObjectNode)
                                message.get("incident").get("provenance"))
                        .put("sealed", padded);
                return message;
            })));
        }
        assertThat(published.get(0).length() * 2).isGreaterThan(256 * 1024);

        JsonNode pull = catchUp();

        assertThat(pull.get("failure").isNull()).as(pull.toString()).isTrue();
        assertThat(pull.get("accepted").asInt()).isEqualTo(4);
    }

    @Test
    void aProviderThatIsDownOrAnswersGarbageLosesNothing() {
        String first = provider.sign(provider.publication(UUID.randomUUID(), 1));
        published.add(first);
        broken.set("down");

        JsonNode down = catchUp();
        broken.set("garbage");
        JsonNode garbage = catchUp();

        assertThat(down.get("failure").asString()).contains("HTTP 503");
        assertThat(garbage.get("failure").asString()).contains("no feed page");
        assertThat(cursor()).isNull();

        broken.set(null);
        JsonNode recovered = catchUp();

        assertThat(recovered.get("accepted").asInt()).isEqualTo(1);
        assertThat(cursor()).isEqualTo("seq-1");
    }

    @Test
    void onlyAdminsCatchUpAndAnUnknownSubscriptionIsNotFound() {
        ApiClient handler = client(users.user("pull-handler-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)));

        assertThat(handler.post(
                                "/api/v1/federation/upstream-subscriptions/" + provider.subscription + "/catch-up",
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/federation/upstream-subscriptions/" + UUID.randomUUID() + "/catch-up", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAdminCatchesUpWithTheButtonOnTheProvidersPage() {
        published.add(provider.sign(provider.publication(UUID.randomUUID(), 1)));
        io.cairn.identity.TestUsers.TestUser pageAdmin = users.user("pull-page-" + run, Set.of(Role.ADMIN));
        io.cairn.FormSession page =
                io.cairn.FormSession.signedIn(port, pageAdmin.username(), io.cairn.identity.TestUsers.PASSWORD);
        page.page("/admin/peers/" + provider.peerId);

        ApiClient.Answer caughtUp = page.post(
                "/admin/peers/" + provider.peerId + "/upstream/" + provider.subscription + "/catch-up", Map.of());

        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.body())
                .contains("Caught up with the feed: 1 accepted")
                .contains("seq-1");
    }

    private JsonNode catchUp() {
        ApiClient.Answer answer = admin.post(
                "/api/v1/federation/upstream-subscriptions/" + provider.subscription + "/catch-up", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private long version(UUID exchange) {
        return jdbc.sql("select version from federation_received_incident where exchange_id = ?")
                .param(exchange)
                .query(Long.class)
                .single();
    }

    private String cursor() {
        return jdbc.sql("select feed_cursor from federation_upstream_subscription where id = ?")
                .param(provider.subscription)
                .query((row, n) -> row.getString(1))
                .list()
                .get(0);
    }
}
