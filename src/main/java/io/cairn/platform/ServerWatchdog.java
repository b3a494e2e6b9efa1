package io.cairn.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * A shell that stops the embedded PostgreSQL when the JVM that started it dies without stopping it: PostgreSQL runs
 * detached from the JVM (pg_ctl starts it in a session of its own), so nothing else ends it. The shell's standard
 * input is a pipe from this JVM, which the kernel closes however the JVM dies, kill -9 included; the shell then reads
 * the end of it and sends the server a fast shutdown, unless the server's {@code postmaster.pid} names another
 * process by then (it stopped, or a new run started another). Unix only; a restart stops a leftover server anyway
 * ({@link LeftoverServer}).
 */
final class ServerWatchdog implements AutoCloseable {

    private static final String SCRIPT = "read -r _; " + "[ \"$(head -n 1 \"$2/" + LeftoverServer.PID_FILE
            + "\" 2>/dev/null)\" = \"$1\" ] && kill -INT \"$1\"";

    /** Held so that the pipe stays open for as long as this JVM runs: collecting it would close the pipe. */
    private final @Nullable Process shell;

    private ServerWatchdog(@Nullable Process shell) {
        this.shell = shell;
    }

    /** Watches over the server that has just started on the data directory. */
    static ServerWatchdog watch(Path dataDirectory, Log log) {
        Optional<Long> pid = LeftoverServer.postmasterPid(dataDirectory);
        if (LeftoverServer.isWindows() || pid.isEmpty()) {
            return new ServerWatchdog(null);
        }
        try {
            Process shell = new ProcessBuilder(
                            "sh",
                            "-c",
                            SCRIPT,
                            "cairn-postgres-watchdog",
                            pid.get().toString(),
                            dataDirectory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ServerWatchdog(shell);
        } catch (IOException e) {
            log.warn(
                    "No watchdog for the embedded PostgreSQL: if this JVM is killed, the next start stops the server",
                    e);
            return new ServerWatchdog(null);
        }
    }

    /** Ends the watch without a word to the server: for a server that is stopped the ordinary way. */
    @Override
    public void close() {
        shell().ifPresent(Process::destroy);
    }

    /** The shell, whose standard input is the pipe it waits on (for tests: closing it is what the JVM's death does). */
    Optional<Process> shell() {
        return Optional.ofNullable(shell);
    }
}
