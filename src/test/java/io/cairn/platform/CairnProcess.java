package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cairn as a process of its own, as in production, on a data directory of its embedded PostgreSQL with durable
 * settings: for tests that stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same data.
 */
final class CairnProcess {

    /** Starting Cairn takes seconds; on a busy machine many. */
    static final Duration START_WITHIN = Duration.ofSeconds(180);

    private CairnProcess() {}

    /**
     * Starts Cairn on the port with the data directory and the admin's first password, its output appended to the log,
     * with the further arguments; returns once it answers its health check.
     */
    static Process start(Path data, int port, String adminPassword, Path log, List<String> arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(data.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.cairn.CairnApplication",
                "--server.port=" + port,
                "--cairn.embedded-db.data-dir=" + data,
                "--cairn.embedded-db.durable=true",
                "--cairn.admin.password=" + adminPassword,
                "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Process cairn = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + START_WITHIN.toNanos();
        ApiClient anonymous = new ApiClient(port, null);
        while (System.nanoTime() < deadline) {
            assertThat(cairn.isAlive()).as("Cairn exited: see " + log).isTrue();
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return cairn;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        cairn.destroyForcibly();
        throw new AssertionError("Cairn did not start within " + START_WITHIN + ": see " + log);
    }

    /** Kills Cairn with SIGKILL, leaving its database running, as a kill of the process alone does. */
    static void kill(Process cairn) throws InterruptedException {
        cairn.descendants().forEach(ProcessHandle::destroyForcibly);
        cairn.destroyForcibly();
        cairn.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
