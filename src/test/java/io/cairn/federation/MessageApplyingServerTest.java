package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Applying received messages apart from receiving them, with the applier held still (no pass after a receipt, none on
 * schedule) so that the test runs each pass itself: versions stored out of order are applied in version order, and a
 * message that fails to apply is kept with the reason, shown to the admins, and applied when it is tried again,
 * without holding up the other incidents of its batch.
 */
@TestPropertySource(
        properties = {
            "cairn.base-url=https://cairn.test",
            "cairn.federation.apply-on-commit=false",
            "cairn.federation.apply-interval=PT1H"
        })
class MessageApplyingServerTest extends ApiClient.OnServer {

    private static final String SERVER = "https://cairn.test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageApplying applying;

    private String run;
    private ApiClient admin;
    private ProviderFixture provider;

    @BeforeEach
    void aProvider() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("apply-admin-" + run, Set.of(Role.ADMIN)));
        provider = new ProviderFixture(
                admin, jdbc, SERVER, port, "Provider " + run, "https://provider-" + run + ".example");
    }

    @Test
    void versionsStoredOutOfOrderAreAppliedInVersionOrder() {
        UUID exchange = UUID.randomUUID();
        JsonNode v1 = provider.publication(exchange, 1);
        JsonNode v2 = ProviderFixture.edited(provider.publication(exchange, 2), m -> {
            ((tools.jackson.databind.node.ObjectNode) m.get("incident")).put("severity", "critical");
            return m;
        });

        assertThat(accepted(provider.sign(v2))).isEqualTo("accepted");
        assertThat(accepted(provider.sign(v1))).isEqualTo("accepted");
        assertThat(state(v1)).isEqualTo("accepted");

        applying.applyPending();

        assertThat(state(v1)).isEqualTo("applied");
        assertThat(state(v2)).isEqualTo("applied");
        assertThat(jdbc.sql("select version from federation_received_incident where exchange_id = ?")
                        .param(exchange)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        ApiClient handler = client(users.user("apply-handler-" + run, Set.of(Role.HANDLER)));
        assertThat(handler.get("/api/v1/incidents/" + incidentOf(exchange) + "/timeline")
                        .body())
                .contains("Received from the provider Provider " + run + " (version 1")
                .contains("severity: high -> critical");
    }

    @Test
    void aStoredMessageThatCannotBeReadIsKeptWithTheReasonAndTheOthersAreApplied() {
        JsonNode damaged = provider.publication(UUID.randomUUID(), 1);
        JsonNode fine = provider.publication(UUID.randomUUID(), 1);
        accepted(provider.sign(damaged));
        accepted(provider.sign(fine));
        jdbc.sql("update federation_received_message set jws = 'eyJhbGciOiJFUzI1NiJ9.not*base64url.c2ln' "
                        + "where message_id = ?::uuid")
                .param(damaged.get("messageId").asString())
                .update();

        applying.applyPending();

        assertThat(state(fine)).isEqualTo("applied");
        assertThat(state(damaged)).isEqualTo("failed");
        assertThat(failure(damaged)).contains("the stored message cannot be read");
    }

    @Test
    void aMessageThatFailsToApplyIsKeptWithTheReasonShownAndAppliedWhenTriedAgain() {
        UUID failing = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        JsonNode message = provider.publication(failing, 1);
        JsonNode later = provider.publication(failing, 2);
        JsonNode fine = provider.publication(other, 1);
        String trigger = "refuse_" + run;
        jdbc.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                        + "if new.exchange_id = '" + failing + "' then raise exception 'no room for it here'; end if; "
                        + "return new; end $$")
                .update();
        jdbc.sql("create trigger " + trigger + " before insert on federation_received_incident for each row "
                        + "execute function " + trigger + "()")
                .update();
        try {
            accepted(provider.sign(message));
            accepted(provider.sign(later));
            accepted(provider.sign(fine));

            applying.applyPending();

            assertThat(state(fine)).isEqualTo("applied");
            assertThat(state(message)).isEqualTo("failed");
            assertThat(state(later)).as("a later version waits behind").isEqualTo("accepted");
            assertThat(failure(message)).contains("no room for it here");
            TestUsers.TestUser pageAdmin = users.user("apply-page-" + run, Set.of(Role.ADMIN));
            io.cairn.FormSession page = io.cairn.FormSession.signedIn(port, pageAdmin.username(), TestUsers.PASSWORD);
            assertThat(page.get("/admin/peers/" + provider.peerId + "/upstream").body())
                    .contains("1 waiting to be applied, 1 applied, 0 superseded by a version as high applied before. "
                            + "1 failed to apply")
                    .contains(message.get("messageId").asString())
                    .contains("no room for it here");
            assertThat(page.get("/admin/peers/" + provider.peerId + "/upstream", "Accept-Language", "nl")
                            .body())
                    .contains("konden niet worden toegepast");

            applying.applyPending();
            assertThat(state(message)).as("not before its next attempt").isEqualTo("failed");
        } finally {
            jdbc.sql("drop trigger " + trigger + " on federation_received_incident")
                    .update();
            jdbc.sql("drop function " + trigger + "()").update();
        }
        jdbc.sql("update federation_received_message set next_attempt_at = ? where message_id = ?::uuid")
                .params(
                        java.sql.Timestamp.from(Instant.now().minus(Duration.ofSeconds(1))),
                        message.get("messageId").asString())
                .update();

        applying.applyPending();

        assertThat(state(message)).isEqualTo("applied");
        assertThat(state(later)).isEqualTo("applied");
        assertThat(jdbc.sql("select attempts from federation_received_message where message_id = ?::uuid")
                        .param(message.get("messageId").asString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from incident where received_from = ?")
                        .param("Provider " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    private String accepted(String jws) {
        ApiClient.Answer answer = provider.push(jws);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("outcome").asString();
    }

    private String state(JsonNode message) {
        return jdbc.sql("select outcome from federation_received_message where message_id = ?::uuid")
                .param(message.get("messageId").asString())
                .query(String.class)
                .single();
    }

    private String failure(JsonNode message) {
        return jdbc.sql("select failure from federation_received_message where message_id = ?::uuid")
                .param(message.get("messageId").asString())
                .query(String.class)
                .single();
    }

    private String incidentOf(UUID exchange) {
        return jdbc.sql("select incident_id::text from federation_received_incident where exchange_id = ?")
                .param(exchange)
                .query(String.class)
                .single();
    }
}
