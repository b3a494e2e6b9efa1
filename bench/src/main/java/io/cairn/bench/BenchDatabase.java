package io.cairn.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

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
        if (Boolean.getBoolean("bench.statements")) {
            // where PostgreSQL's time goes, per statement: see BenchmarkRun's statements-*.txt
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres server = builder.start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!reuse) {
                statement.execute("create database " + DATABASE);
            }
        }
        BenchDatabase database = new BenchDatabase(server);
        if (Boolean.getBoolean("bench.statements")) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
            }
        }
        return database;
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

    /** Forgets the statement figures so far, when {@code bench.statements} collects them. */
    void resetStatements() throws SQLException {
        if (Boolean.getBoolean("bench.statements")) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /**
     * Writes the statements that took the most of PostgreSQL's time since the last reset, when {@code
     * bench.statements} collects them: calls, total and mean time, rows, and the statement.
     */
    void writeStatements(Path file) throws SQLException, IOException {
        if (!Boolean.getBoolean("bench.statements")) {
            return;
        }
        StringBuilder out = new StringBuilder(String.format("%10s %12s %9s %10s  %s%n", "calls", "total ms",
                "mean ms", "rows", "statement"));
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("select calls, total_exec_time, mean_exec_time, rows, "
                        + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements "
                        + "order by total_exec_time desc limit 30")) {
            while (row.next()) {
                String query = row.getString(5);
                out.append(String.format("%,10d %,12.0f %9.3f %,10d  %s%n", row.getLong(1), row.getDouble(2),
                        row.getDouble(3), row.getLong(4), query.length() > 160 ? query.substring(0, 160) : query));
            }
        }
        Files.writeString(file, out);
    }

    /** What a server started on this database is given: its connection, and an admin password of its own. */
    Map<String, String> serverEnvironment() {
        return Map.of("SPRING_DATASOURCE_URL", jdbcUrl(), "SPRING_DATASOURCE_USERNAME", user(),
                "SPRING_DATASOURCE_PASSWORD", password(), "CAIRN_ADMIN_PASSWORD", "bench-" + UUID.randomUUID());
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The URL of another database of this server, such as one Cairn instance's of the federation benchmark. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /** Creates an empty database on this server (dropping one of that name first). */
    void createDatabase(String database) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
    }

    Connection connect(String database) throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(database), user(), password());
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
    /** The server's {@code version()}: what PostgreSQL it is. */
    String version() throws SQLException {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                var row = statement.executeQuery("select version()")) {
            row.next();
            return row.getString(1);
        }
    }

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
