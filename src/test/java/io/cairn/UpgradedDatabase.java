package io.cairn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of its own on the test server's PostgreSQL, migrated up to just before a migration, for a test to write
 * what an older Cairn kept and then see what the upgrade makes of it; dropped when closed.
 */
public final class UpgradedDatabase implements AutoCloseable {

    private final JdbcClient server;
    private final String name;
    private final SimpleDriverDataSource database;
    private final List<String> locations;

    private UpgradedDatabase(JdbcClient server, String name, SimpleDriverDataSource database, List<String> locations) {
        this.server = server;
        this.name = name;
        this.database = database;
        this.locations = locations;
    }

    /** A new database with every migration before the one of the version applied. */
    public static UpgradedDatabase before(String version, Environment environment, JdbcClient server) {
        String name = "upgraded_" + UUID.randomUUID().toString().replace("-", "");
        server.sql("create database " + name).update();
        SimpleDriverDataSource database = new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                environment
                        .getRequiredProperty("spring.datasource.url")
                        .replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        List<String> locations = Binder.get(environment)
                .bind("spring.flyway.locations", Bindable.listOf(String.class))
                .get();
        UpgradedDatabase upgraded = new UpgradedDatabase(server, name, database, locations);
        upgraded.migrateTo(upgraded.lastBefore(MigrationVersion.fromVersion(version)));
        return upgraded;
    }

    /** The database, as the older Cairn would read and write it. */
    public JdbcClient jdbc() {
        return JdbcClient.create(database);
    }

    /** Applies every migration: the upgrade. */
    public void upgrade() {
        migrateTo("latest");
    }

    @Override
    public void close() {
        server.sql("drop database if exists " + name + " with (force)").update();
    }

    private void migrateTo(String target) {
        flyway().target(target).load().migrate();
    }

    private String lastBefore(MigrationVersion version) {
        return Arrays.stream(flyway().load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && version.isNewerThan(v.getVersion()))
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database).locations(locations.toArray(String[]::new));
    }
}
