package io.cairn.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of a benchmark run: zonky's embedded PostgreSQL in a fresh directory, with the server settings
 * of Cairn's own {@code EmbeddedPostgresEnvironment}, and one database {@code cairn}.
 */
final class BenchDatabase implements AutoCloseable {

    static final String DATABASE = "cairn";

    private final EmbeddedPostgres server;

    private BenchDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL in a fresh directory, or on the data a kept run left there when {@code reuse}. */
    static BenchDatabase start(Path dataDirectory, boolean reuse) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        if (!reuse) {
            deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!reuse && !Boolean.getBoolean("bench.keepData"))
                // The same settings as io.cairn.platform.EmbeddedPostgresEnvironment.
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("timezone", "UTC");
        if (Boolean.getBoolean("bench.durable")) {
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off, and so does Cairn's embedded
            // database; this measures what crash safety costs.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres server = builder.start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!reuse) {
                statement.execute("create database " + DATABASE);
            }
        }
        return new BenchDatabase(server);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    String password() {
        return "";
    }

    Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** The process id of the PostgreSQL server: the parent of a backend. */
    long postmasterPid() throws SQLException, IOException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            String stat = Files.readString(Path.of("/proc", row.getString(1), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
