package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.FreePort;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

@Tag("integration")
class EmbeddedPostgresEnvironmentTest {

    private static final Log LOG = LogFactory.getLog(EmbeddedPostgresEnvironmentTest.class);
    private static final Path DIRECTORY = Path.of("target/restart-test-db").toAbsolutePath();
    /** A data directory that Cairn made, copied for each test: initdb takes seconds, a copy a fraction of one. */
    private static final Path MADE_BY_CAIRN =
            Path.of("target/restart-test-db-template").toAbsolutePath();

    private static Path postgres = Path.of("postgres");
    private final List<Process> strays = new ArrayList<>();

    @BeforeAll
    static void makeADataDirectory() throws IOException {
        FileSystemUtils.deleteRecursively(MADE_BY_CAIRN);
        environment(Map.of("cairn.embedded-db.data-dir", MADE_BY_CAIRN.toString()));
        long pid = LeftoverServer.postmasterPid(MADE_BY_CAIRN).orElseThrow();
        postgres = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow());
        EmbeddedPostgresEnvironment.stop(MADE_BY_CAIRN);
    }

    @AfterEach
    void stopEverything() {
        EmbeddedPostgresEnvironment.stop(DIRECTORY);
        strays.forEach(Process::destroyForcibly);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    /** The server on {@link #DIRECTORY}, with the directory's data kept, in the database {@code kept}. */
    private static StandardEnvironment start() {
        return environment(
                Map.of("cairn.embedded-db.data-dir", DIRECTORY.toString(), "cairn.embedded-db.database", "kept"));
    }

    /** A data directory as Cairn makes it, with no server running on it. */
    private static void copyADataDirectoryMadeByCairn() throws IOException {
        FileSystemUtils.deleteRecursively(DIRECTORY);
        try (Stream<Path> files = Files.walk(MADE_BY_CAIRN)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // with their permissions: PostgreSQL refuses a data directory that others may read
                Files.copy(file, DIRECTORY.resolve(MADE_BY_CAIRN.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static Connection connect(StandardEnvironment environment) throws SQLException {
        return connect(environment, environment.getProperty("spring.datasource.password"));
    }

    private static Connection connect(StandardEnvironment environment, String password) throws SQLException {
        return DriverManager.getConnection(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                password);
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws Exception {
        copyADataDirectoryMadeByCairn();
        StandardEnvironment first = start();
        try (Connection connection = connect(first)) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
        }
        storeAStone(first, "first");
        EmbeddedPostgresEnvironment.stop(DIRECTORY);

        assertThat(names(start())).containsExactly("first");
    }

    @Test
    void asksEveryConnectionForThePasswordItKeepsInAFileOnlyItsOwnerMayRead() throws Exception {
        copyADataDirectoryMadeByCairn();
        StandardEnvironment environment = start();

        String password = environment.getProperty("spring.datasource.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(43);
        assertThatThrownBy(() -> connect(environment, "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(environment, "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        try (Connection connection = connect(environment)) {
            assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
        }
        assertThat(hbaRules()).isNotEmpty().allMatch(rule -> rule.endsWith("scram-sha-256"));
        Path file = DIRECTORY.resolve(ServerPassword.FILE_NAME);
        assertThat(Files.readString(file)).isEqualTo(password);
        if (!OS.WINDOWS.isCurrentOs()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryLocalConnectionAsksForAPasswordAfterAnUpgrade() throws Exception {
        copyADataDirectoryMadeByCairn();
        storeAStone(start(), "from before");
        EmbeddedPostgresEnvironment.stop(DIRECTORY);
        String before = Files.readString(DIRECTORY.resolve(ServerPassword.FILE_NAME));
        // What Cairn made before it set a password: zonky's initdb -A trust, and no password file.
        Path hba = DIRECTORY.resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
        Files.delete(DIRECTORY.resolve(ServerPassword.FILE_NAME));
        assertThat(hbaRules()).anyMatch(rule -> rule.endsWith("trust"));

        StandardEnvironment upgraded = start();

        assertThat(names(upgraded)).containsExactly("from before");
        assertThat(hbaRules()).isNotEmpty().noneMatch(rule -> rule.contains("trust"));
        assertThatThrownBy(() -> connect(upgraded, "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(upgraded, "wrong-password").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(upgraded, before).close()).isInstanceOf(SQLException.class);
        assertThat(ServerPassword.read(DIRECTORY)).contains(upgraded.getProperty("spring.datasource.password"));
        if (!OS.WINDOWS.isCurrentOs()) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(DIRECTORY.resolve(ServerPassword.FILE_NAME))))
                    .isEqualTo("rw-------");
        }

        EmbeddedPostgresEnvironment.stop(DIRECTORY);
        assertThat(names(start())).as("the next start uses the password it set").containsExactly("from before");
    }

    @Test
    void aDataDirectoryWhosePasswordFileWasLostSaysHowToGetBackIn() throws IOException {
        copyADataDirectoryMadeByCairn();
        Files.delete(DIRECTORY.resolve(ServerPassword.FILE_NAME));

        assertThatThrownBy(EmbeddedPostgresEnvironmentTest::start)
                .hasMessageContaining(ServerPassword.FILE_NAME)
                .hasMessageContaining("pg_hba.conf");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aServerLeftRunningByAKilledRunIsStoppedAndTheNextStartSucceeds() throws Exception {
        copyADataDirectoryMadeByCairn();
        // What a killed JVM leaves: a server on the directory that no JVM holds, re-parented to PID 1.
        ProcessHandle leftover = startDetached();

        StandardEnvironment restarted = start();

        assertThat(gone(leftover)).as("the leftover server has ended").isTrue();
        assertThat(LeftoverServer.postmasterPid(DIRECTORY)).isPresent().get().isNotEqualTo(leftover.pid());
        assertWorks(restarted);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aStalePidFileWhoseProcessIsGoneDoesNotStopTheNextStart() throws Exception {
        copyADataDirectoryMadeByCairn();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        writePidFile(gone.pid());

        assertWorks(start());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aStalePidFileWhosePidAnotherProcessReusedDoesNotStopTheNextStartNorThatProcess() throws Exception {
        copyADataDirectoryMadeByCairn();
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        strays.add(unrelated);
        writePidFile(unrelated.pid());

        assertWorks(start());
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void leavesAServerAloneThatAnotherRunningProcessHolds() throws Exception {
        copyADataDirectoryMadeByCairn();
        ProcessHandle other = startDetached();

        try (FileChannel channel = FileChannel.open(
                        DIRECTORY.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThatThrownBy(EmbeddedPostgresEnvironmentTest::start).hasMessageContaining("in use");
            assertThat(other.isAlive()).isTrue();
        }
        assertWorks(start());
        assertThat(gone(other))
                .as("the server no process holds any more has ended")
                .isTrue();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theWatchdogStopsTheServerWhenTheJvmThatStartedItDies() throws Exception {
        copyADataDirectoryMadeByCairn();
        ProcessHandle server = startDetached();
        ServerWatchdog watchdog = ServerWatchdog.watch(DIRECTORY, LOG);
        Process shell = watchdog.shell().orElseThrow();

        // The kernel closes the JVM's end of the pipe however the JVM dies.
        shell.getOutputStream().close();

        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join())
                .isNotNull();
        assertThat(Files.exists(DIRECTORY.resolve(LeftoverServer.PID_FILE))).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theWatchdogLeavesAServerAloneThatStoppedAndAnotherThatTookItsPlace() throws Exception {
        copyADataDirectoryMadeByCairn();
        start();
        ServerWatchdog watchdog = ServerWatchdog.watch(DIRECTORY, LOG);
        EmbeddedPostgresEnvironment.stop(DIRECTORY);
        start();
        long next = LeftoverServer.postmasterPid(DIRECTORY).orElseThrow();

        Process shell = watchdog.shell().orElseThrow();
        shell.getOutputStream().close();

        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(next)).get().matches(ProcessHandle::isAlive);
    }

    @Test
    void anExternalDatabaseUrlStartsNoEmbeddedServer() {
        StandardEnvironment environment =
                environment(Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/cairn"));
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:5432/cairn");
        assertThat(environment.containsProperty("cairn.embedded-db.active")).isFalse();
    }

    @Test
    void refusesADatabaseNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> environment(Map.of(
                        "cairn.embedded-db.data-dir", DIRECTORY.toString(), "cairn.embedded-db.database", "x; drop")))
                .hasMessageContaining("cairn.embedded-db.database");
    }

    private static void storeAStone(StandardEnvironment environment, String name) throws SQLException {
        try (Connection connection = connect(environment)) {
            connection.createStatement().execute("create table stone (name text)");
            connection.createStatement().execute("insert into stone values ('" + name + "')");
        }
    }

    private static void assertWorks(StandardEnvironment environment) throws SQLException {
        try (Connection connection = connect(environment);
                ResultSet rows = connection.createStatement().executeQuery("select 1")) {
            assertThat(rows.next()).isTrue();
        }
    }

    private static List<String> names(StandardEnvironment environment) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(environment);
                ResultSet rows = connection.createStatement().executeQuery("select name from stone")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> hbaRules() throws IOException {
        return Files.readAllLines(DIRECTORY.resolve("pg_hba.conf")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Starts a server on the directory as zonky does (pg_ctl: detached, in a session of its own), unknown to Cairn. */
    private static ProcessHandle startDetached() throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.resolveSibling("pg_ctl").toString(),
                "-D",
                DIRECTORY.toString(),
                "-o",
                "-p " + FreePort.any() + " -F",
                "-w",
                "start"));
        Process pgCtl = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(pgCtl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pgCtl.exitValue()).isZero();
        ProcessHandle server = ProcessHandle.of(
                        LeftoverServer.postmasterPid(DIRECTORY).orElseThrow())
                .orElseThrow();
        assertThat(LeftoverServer.isServerOf(server, DIRECTORY)).isTrue();
        return server;
    }

    /**
     * Whether the process has ended within a few seconds: a stopped server removes its pid file just before it exits,
     * and its parent (PID 1, for a server whose JVM was killed) reaps it some time after.
     */
    private static boolean gone(ProcessHandle process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !process.isAlive();
    }

    private static void writePidFile(long pid) throws IOException {
        Files.writeString(
                DIRECTORY.resolve(LeftoverServer.PID_FILE),
                pid + "\n" + DIRECTORY + "\n1700000000\n5432\n" + "/tmp\nlocalhost\n  1234  5678\nready   \n",
                StandardCharsets.UTF_8);
    }
}
