package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The inbox's envelopes, {@code POST /federation/v1/inbox} with {@code application/json}
 * {@code {"messages": [jws, ...]}}: a provider pushes many messages with one signed request; those that pass are
 * stored together, each answered by its own receipt in the envelope's order, a refused one names its field while the
 * others are stored; the request's id is remembered, so a replay stores nothing; a malformed envelope is refused
 * whole, naming its place. (On the server of {@link ProviderInboxTest}: its base URL is the one mail tests use.)
 */
@MailServers.Running
class ProviderEnvelopeTest extends ApiClient.OnServer {

    private static final String SERVER = "https://cairn.test";

    @Autowired
    JdbcClient jdbc;

    private String run;
    private ProviderFixture provider;

    @BeforeEach
    void aProvider() {
        run = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("envelope-admin-" + run, Set.of(Role.ADMIN)));
        provider = new ProviderFixture(
                admin, jdbc, SERVER, port, "Provider " + run, "https://provider-" + run + ".example");
    }

    @Test
    void anEnvelopeStoresEachMessageOnceWithItsOwnReceiptAndAuditRecordAndAppliesThemAll() {
        List<UUID> exchanges = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            exchanges.add(UUID.randomUUID());
            signed.add(provider.sign(provider.publication(exchanges.get(i), 1)));
        }
        signed.add(signed.get(3));

        ApiClient.Answer answer = provider.pushAll(signed);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode receipts = answer.json().get("receipts");
        assertThat(receipts).hasSize(31);
        for (int i = 0; i < 30; i++) {
            assertThat(receipts.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(receipts.get(i).get("outcome").asString()).isEqualTo("accepted");
        }
        assertThat(receipts.get(30).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(receipts.get(30).get("messageId").asString())
                .isEqualTo(receipts.get(3).get("messageId").asString());
        List<String> digests = jdbc.sql("select sha256 from federation_received_message where exchange_id = any(?)")
                .param(exchanges.toArray(UUID[]::new))
                .query(String.class)
                .list();
        assertThat(digests).hasSize(30).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                        select count(*) from audit_record
                        where action = 'federation-message.accepted' and after_digest = any(?)""")
                        .param(digests.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(30L);
        AppliedMessages.await(jdbc);
        assertThat(jdbc.sql("select count(*) from incident where received_from = ?")
                        .param("Provider " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(30L);

        assertThat(provider.pushAll(signed.subList(0, 2)).json().get("receipts").findValuesAsString("outcome"))
                .as("pushed again in another envelope")
                .containsExactly("duplicate", "duplicate");
    }

    @Test
    void aRefusedMessageNamesItsFieldInItsReceiptAndTheOthersAreStored() {
        UUID good = UUID.randomUUID();
        UUID misaddressed = UUID.randomUUID();
        String forged = ProviderFixture.sign(provider.publication(UUID.randomUUID(), 1), ProviderFixture.newKey());
        List<String> envelope = List.of(
                provider.sign(ProviderFixture.edited(provider.publication(misaddressed, 1), m -> {
                    m.set("recipient", ExchangeJson.MAPPER.valueToTree(Map.of("url", "https://elsewhere.example")));
                    return m;
                })),
                provider.sign(provider.publication(good, 1)),
                forged);

        ApiClient.Answer answer = provider.pushAll(envelope);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode receipts = answer.json().get("receipts");
        assertThat(receipts.get(0).get("outcome").asString()).isEqualTo("refused");
        assertThat(receipts.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(receipts.get(0).get("field").asString()).isEqualTo("/recipient/url");
        assertThat(receipts.get(0).get("reason").asString()).contains(SERVER);
        assertThat(receipts.get(0).has("messageId")).isFalse();
        assertThat(receipts.get(1).get("outcome").asString()).isEqualTo("accepted");
        assertThat(receipts.get(2).get("outcome").asString()).isEqualTo("refused");
        assertThat(receipts.get(2).get("field").asString()).isEqualTo("jws");
        assertThat(provider.storedMessagesOf(good)).isEqualTo(1L);
        assertThat(provider.storedMessagesOf(misaddressed)).isZero();
    }

    @Test
    void anEnvelopeWithASignedRequestUsedBeforeIsRefusedAsAReplayAndStoresNothing() {
        String bearer = provider.bearer(provider.key);
        assertThat(provider.pushAllWithBearer(
                                List.of(provider.sign(provider.publication(UUID.randomUUID(), 1))), bearer)
                        .status())
                .isEqualTo(200);
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        ApiClient.Answer replayed = provider.pushAllWithBearer(
                List.of(provider.sign(provider.publication(second, 1)), provider.sign(provider.publication(third, 1))),
                bearer);

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replayed.body()).contains("a replay");
        assertThat(provider.storedMessagesOf(second) + provider.storedMessagesOf(third))
                .isZero();
    }

    @Test
    void aMalformedEnvelopeIsRefusedWholeNamingItsPlaceAndStoresNothing() {
        String jws = provider.sign(provider.publication(UUID.randomUUID(), 1));
        long before = count();

        ProviderFixture.assertRefused(raw("{\"messages\": [\"" + jws + "\""), 400, "body", "only member");
        ProviderFixture.assertRefused(raw("[\"" + jws + "\"]"), 400, "body", "only member");
        ProviderFixture.assertRefused(
                raw("{\"messages\": [\"" + jws + "\"], \"also\": 1}"), 400, "body", "only member");
        ProviderFixture.assertRefused(raw("{\"messages\": \"" + jws + "\"}"), 400, "body", "only member");
        ProviderFixture.assertRefused(raw("{\"messages\": []}"), 400, "/messages", "1 to 100");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= InboxEnvelope.MAX_MESSAGES; i++) {
            tooMany.add(jws);
        }
        ProviderFixture.assertRefused(provider.pushAll(tooMany), 400, "/messages", "1 to 100");
        ProviderFixture.assertRefused(raw("{\"messages\": [\"" + jws + "\", 7]}"), 400, "/messages/1", "JWS");
        ProviderFixture.assertRefused(raw("{\"messages\": [\"" + jws + "\", \" \"]}"), 400, "/messages/1", "JWS");
        assertThat(provider.statusOfPushDeclaring(InboxEnvelope.MAX_BYTES + 1L, "application/json"))
                .startsWith("HTTP/1.1 413");

        assertThat(count()).isEqualTo(before);
    }

    private ApiClient.Answer raw(String body) {
        return provider.send(HttpRequest.BodyPublishers.ofString(body), provider.key, "application/json");
    }

    private long count() {
        return jdbc.sql("select count(*) from federation_received_message")
                .query(Long.class)
                .single();
    }
}
