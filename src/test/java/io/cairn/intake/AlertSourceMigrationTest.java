package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An upgrade to registered alert sources: the sources alerts came from before are registered disabled and with no
 * senders, so nobody sends for them until an admin says who may, and their de-duplication records are kept.
 */
@ServerTest
class AlertSourceMigrationTest {

    /** The migration that made alert sources registered. */
    private static final MigrationVersion SOURCES = MigrationVersion.fromVersion("2026.12.02.0100");

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sourcesThatAlertsCameFromAreRegisteredDisabledWithNoSenders() {
        String database = "alert_sources_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create database " + database).update();
        try {
            SimpleDriverDataSource upgraded = new SimpleDriverDataSource(
                    new org.postgresql.Driver(),
                    environment
                            .getRequiredProperty("spring.datasource.url")
                            .replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
            migrate(upgraded, lastBefore(upgraded, SOURCES));
            JdbcClient old = JdbcClient.create(upgraded);
            for (String reference : List.of("r-1", "r-2")) {
                old.sql("insert into intake_alert (source, reference, repeats, first_seen, last_seen) "
                                + "values ('legacy-siem', ?, 1, now(), now())")
                        .param(reference)
                        .update();
            }

            migrate(upgraded, "latest");

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
        } finally {
            jdbc.sql("drop database if exists " + database + " with (force)").update();
        }
    }

    private void migrate(SimpleDriverDataSource database, String target) {
        flyway(database).target(target).load().migrate();
    }

    private String lastBefore(SimpleDriverDataSource database, MigrationVersion version) {
        return Arrays.stream(flyway(database).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && version.isNewerThan(v.getVersion()))
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private FluentConfiguration flyway(SimpleDriverDataSource database) {
        List<String> locations = Binder.get(environment)
                .bind("spring.flyway.locations", Bindable.listOf(String.class))
                .get();
        return Flyway.configure().dataSource(database).locations(locations.toArray(String[]::new));
    }
}
