package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import io.cairn.UpgradedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upgrade to the milestones of the response (MET-1): incidents from before take when their response began and
 * when their threat was eradicated from their timelines' first transitions into analysis and out of eradication, as
 * the lifecycle would have stamped them; an incident that never reached them keeps them unknown.
 */
@ServerTest
class ResponseMilestonesMigrationTest {

    private static final Instant REPORTED = Instant.parse("2025-03-01T08:00:00Z");

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void olderIncidentsTakeTheirFirstTransitionsIntoAnalysisAndOutOfEradication() {
        try (UpgradedDatabase upgraded = UpgradedDatabase.before("2026.12.06.0400", environment, jdbc)) {
            JdbcClient old = upgraded.jdbc();
            UUID handled = incident(old, "CLOSED");
            transitions(
                    old,
                    handled,
                    "new",
                    "triage",
                    "analysis",
                    "containment",
                    "eradication",
                    "recovery",
                    "review",
                    "closed",
                    "analysis",
                    "containment",
                    "eradication",
                    "recovery");
            UUID triaged = incident(old, "TRIAGE");
            transitions(old, triaged, "new", "triage");

            upgraded.upgrade();

            // transition n happened n hours after the report: into analysis at 2 (again at 9), out of eradication at 5
            // (again at 12)
            assertThat(milestones(old, handled))
                    .containsExactly(REPORTED.plusSeconds(2 * 3600), REPORTED.plusSeconds(5 * 3600));
            assertThat(milestones(old, triaged)).containsExactly(null, null);
        }
    }

    private static UUID incident(JdbcClient old, String status) {
        UUID id = UUID.randomUUID();
        old.sql("""
                insert into incident (id, number, title, description, category_class, category_type, determination,
                  severity, impact, urgency, priority, tlp, pap, confidential, status, reported_at, updated_at, version)
                values (?, nextval('incident_number_seq'), 'Older', 'from before the upgrade', 'other', 'undetermined',
                  'CONFIRMED', 'MEDIUM', 2, 2, 3, 'AMBER', 'AMBER', false, ?, ?, now(), 0)""").params(id, status, Timestamp.from(REPORTED)).update();
        return id;
    }

    /** The timeline of an incident walking through the statuses, one transition an hour after its report. */
    private static void transitions(JdbcClient old, UUID incident, String... statuses) {
        for (int n = 1; n < statuses.length; n++) {
            old.sql("""
                    insert into incident_timeline (incident_id, at, actor_id, actor_name, kind, details)
                    values (?, ?, 'someone', 'Someone', 'transitioned', jsonb_build_object('from', ?::text, 'to', ?::text))""")
                    .params(incident, Timestamp.from(REPORTED.plusSeconds(n * 3600L)), statuses[n - 1], statuses[n])
                    .update();
        }
    }

    private static List<@Nullable Instant> milestones(JdbcClient upgraded, UUID incident) {
        return upgraded.sql("select responded_at, eradicated_at from incident where id = ?")
                .param(incident)
                .query((row, n) -> Arrays.asList(
                        instant(row.getTimestamp("responded_at")), instant(row.getTimestamp("eradicated_at"))))
                .single();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
