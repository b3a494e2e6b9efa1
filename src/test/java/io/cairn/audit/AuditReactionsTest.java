package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.OneModule;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** How the audit module records other modules' events, on its own. */
@OneModule
class AuditReactionsTest {

    @MockitoBean
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** An event as any module publishes one when something it owns changed. */
    record ThingChanged(String objectId, ActorRef actor, Instant at) implements AuditableEvent {

        @Override
        public String action() {
            return "thing.changed";
        }

        @Override
        public String objectType() {
            return "thing";
        }

        @Override
        public Optional<String> beforeDigest() {
            return Optional.of("before");
        }

        @Override
        public Optional<String> afterDigest() {
            return Optional.of("after");
        }
    }

    record Row(
            long seq,
            String action,
            String actorName,
            String beforeDigest,
            String afterDigest,
            String previousHash,
            String hash) {}

    @Test
    void anAuditableEventIsAppendedToTheTrailInItsTransactionAndChainedToTheHeadBeforeIt(Scenario scenario) {
        String thing = UUID.randomUUID().toString();
        String headBefore = jdbc.sql("select hash from audit_head where id = 1")
                .query(String.class)
                .single();

        scenario.publish(new ThingChanged(thing, new ActorRef("u-1", "alice"), clock.instant()))
                .andWaitForStateChange(
                        () -> jdbc.sql("""
                        select seq, action, actor_name, before_digest, after_digest, previous_hash, hash
                        from audit_record where object_type = 'thing' and object_id = ?""").param(thing).query(Row.class).optional(), Optional::isPresent)
                .andVerify(appended -> {
                    Row row = appended.orElseThrow();
                    assertThat(row.action()).isEqualTo("thing.changed");
                    assertThat(row.actorName()).isEqualTo("alice");
                    assertThat(row.beforeDigest()).isEqualTo("before");
                    assertThat(row.afterDigest()).isEqualTo("after");
                    assertThat(row.previousHash()).isEqualTo(headBefore);
                    assertThat(jdbc.sql("select seq, hash from audit_head where id = 1")
                                    .query((rs, n) -> rs.getLong("seq") + " " + rs.getString("hash"))
                                    .single())
                            .isEqualTo(row.seq() + " " + row.hash());
                });
    }
}
