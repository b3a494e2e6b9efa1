package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import io.cairn.UpgradedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upgrade to registered alert sources: the sources alerts came from before are registered disabled and with no
 * senders, so nobody sends for them until an admin says who may, and their de-duplication records are kept.
 */
@ServerTest
class AlertSourceMigrationTest {

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sourcesThatAlertsCameFromAreRegisteredDisabledWithNoSenders() {
        try (UpgradedDatabase upgraded = UpgradedDatabase.before("2026.12.02.0100", environment, jdbc)) {
            JdbcClient old = upgraded.jdbc();
            for (String reference : List.of("r-1", "r-2")) {
                old.sql("insert into intake_alert (source, reference, repeats, first_seen, last_seen) "
                                + "values ('legacy-siem', ?, 1, now(), now())")
                        .param(reference)
                        .update();
            }

            upgraded.upgrade();

            assertThat(old.sql("select enabled from intake_alert_source where source_key = 'legacy-siem'")
                            .query(Boolean.class)
                            .list())
                    .containsExactly(false);
            assertThat(old.sql("select count(*) from intake_alert_sender")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(old.sql("select reference from intake_alert where source = 'legacy-siem' order by reference")
                            .query(String.class)
                            .list())
                    .containsExactly("r-1", "r-2");
        }
    }
}
