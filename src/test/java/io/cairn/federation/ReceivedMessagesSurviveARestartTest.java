package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the inbox acknowledged survives a stop between storing and applying: an instance whose applier is held still
 * accepts two versions of an incident and stops before applying them; started again on the same database, it applies
 * them by itself, each once, in version order.
 */
@Tag("integration")
class ReceivedMessagesSurviveARestartTest {

    @Test
    void messagesAcceptedBeforeAStopAreAppliedOnceByTheNextStart() {
        String database = "restart_" + UUID.randomUUID().toString().replace("-", "");
        String audit = "target/test-audit/" + UUID.randomUUID();
        Map<String, Object> sameDatabase =
                Map.of("cairn.embedded-db.database", database, "cairn.audit.directory", audit);
        UUID exchange = UUID.randomUUID();
        UUID peer;
        String provider = "Restart provider " + database.substring(8, 16);
        try (CairnInstance before = CairnInstance.start("Receiver", held(sameDatabase))) {
            ProviderFixture fixture = new ProviderFixture(
                    before.admin(),
                    before.bean(JdbcClient.class),
                    before.url(),
                    before.port(),
                    provider,
                    "https://restart-provider.example");
            peer = fixture.peerId;
            for (long version : new long[] {1, 2}) {
                ApiClient.Answer answer = fixture.push(fixture.sign(fixture.publication(exchange, version)));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().get("outcome").asString()).isEqualTo("accepted");
            }
            assertThat(count(before.bean(JdbcClient.class), "select count(*) from federation_received_incident"))
                    .isZero();
        }

        try (CairnInstance after = CairnInstance.start("Receiver", sameDatabase)) {
            JdbcClient jdbc = after.bean(JdbcClient.class);
            AppliedMessages.await(jdbc);

            assertThat(count(jdbc, "select count(*) from federation_received_message where outcome = 'applied'"))
                    .isEqualTo(2);
            assertThat(jdbc.sql(
                                    "select version from federation_received_incident where peer_id = ? and exchange_id = ?")
                            .params(peer, exchange)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2L);
            assertThat(count(jdbc, "select count(*) from incident where received_from = '" + provider + "'"))
                    .isEqualTo(1);
            assertThat(count(jdbc, "select count(*) from audit_record where action = 'federation-message.accepted'"))
                    .isEqualTo(2);
        }
    }

    /** The settings, with the applier held still: no pass after a receipt, none on schedule within the test. */
    private static Map<String, Object> held(Map<String, Object> settings) {
        Map<String, Object> held = new java.util.HashMap<>(settings);
        held.put("cairn.federation.apply-on-commit", "false");
        held.put("cairn.federation.apply-interval", "PT1H");
        return held;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
