package io.cairn.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.logging.Log;

/**
 * The embedded PostgreSQL server that a run of Cairn left running on a data directory when it was killed without a
 * chance to stop it (kill -9, the OOM killer, a crash of the JVM): the server lives on, re-parented to PID 1, and no
 * new server can start on the directory while it runs. It is found by the directory's {@code postmaster.pid} and
 * stopped as a fast shutdown, harder only when that does not end it.
 *
 * <p>A process is taken for that server only when it is a {@code postgres} whose working directory (Linux) or
 * {@code -D} argument (elsewhere) is this data directory, so a process that reused the PID is never signalled. A
 * {@code postmaster.pid} whose process is gone is left to PostgreSQL, which removes it itself after checking that no
 * process of the old server still holds its shared memory; one whose PID another process reused is removed, as
 * PostgreSQL would refuse to start beside it. Not on Windows, which has no signals to send.
 */
final class LeftoverServer {

    static final String PID_FILE = "postmaster.pid";
    /** zonky's lock: held by the JVM that runs a server on the directory for as long as it runs it. */
    private static final String LOCK_FILE = "epg-lock";

    private static final Duration POLL = Duration.ofMillis(50);
    /** Fast shutdown ends with a checkpoint, which may write the shared buffers out. */
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);

    private static final Duration HARDER_SHUTDOWN = Duration.ofSeconds(10);

    private LeftoverServer() {}

    /** Stops the server a killed run left on the data directory, if any, so that a new one can start there. */
    static void stopIfRunning(Path dataDirectory, Log log) {
        if (isWindows() || !Files.exists(dataDirectory.resolve(PID_FILE))) {
            return;
        }
        refuseWhileAnotherJvmRunsIt(dataDirectory);
        Optional<Long> pid = postmasterPid(dataDirectory);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("The embedded PostgreSQL in " + dataDirectory + " did not stop cleanly (process " + pid.orElse(-1L)
                    + " is gone); PostgreSQL recovers from its write-ahead log as it starts");
        } else if (isServerOf(process.get(), dataDirectory)) {
            log.warn("An embedded PostgreSQL (process " + process.get().pid() + ") is still running in " + dataDirectory
                    + ", left by a run of Cairn that ended without stopping it: stopping it");
            stop(process.get(), dataDirectory, log);
        } else {
            log.warn("Removing the stale " + PID_FILE + " in " + dataDirectory + ": process " + pid.get()
                    + " is no PostgreSQL of this directory");
            delete(dataDirectory.resolve(PID_FILE));
        }
    }

    /** The PID in a data directory's {@code postmaster.pid}: of the server that runs there, or last ran there. */
    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process is a PostgreSQL server of the data directory. */
    static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
        boolean postgres = process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.startsWith("postgres"))
                .isPresent();
        if (!postgres) {
            return false;
        }
        Path workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            // PostgreSQL changes into its data directory as it starts.
            return sameFile(workingDirectory, dataDirectory);
        }
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFile(Path.of(arguments[i + 1]), dataDirectory)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A server that another running JVM started is no leftover: stopping it would pull the database from under a
     * running Cairn. That JVM holds zonky's lock on the directory; a killed one held it no longer.
     */
    private static void refuseWhileAnotherJvmRunsIt(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not check whether " + dataDirectory + " is in use", e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " is in use by another"
                + " running process: stop it, or give this one another cairn.embedded-db.data-dir");
    }

    /**
     * A fast shutdown (SIGINT: roll back open transactions, checkpoint, stop), as {@code pg_ctl stop -m fast} does;
     * then an immediate one (SIGQUIT: recovery at the next start); then SIGKILL.
     */
    private static void stop(ProcessHandle server, Path dataDirectory, Log log) {
        for (String signal : List.of("INT", "QUIT", "KILL")) {
            send(signal, server);
            if (awaitStop(server, dataDirectory, signal.equals("INT") ? FAST_SHUTDOWN : HARDER_SHUTDOWN)) {
                log.info("Stopped the leftover embedded PostgreSQL (process " + server.pid() + ") with SIG" + signal);
                return;
            }
            log.warn("The leftover embedded PostgreSQL (process " + server.pid() + ") did not stop on SIG" + signal);
        }
        throw new IllegalStateException(
                "could not stop the leftover embedded PostgreSQL (process " + server.pid() + ") in " + dataDirectory);
    }

    private static void send(String signal, ProcessHandle server) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal the leftover embedded PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server ended within the time: it removes its {@code postmaster.pid} as the last thing it does. */
    private static boolean awaitStop(ProcessHandle server, Path dataDirectory, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (server.isAlive()
                && postmasterPid(dataDirectory)
                        .filter(pid -> pid == server.pid())
                        .isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean sameFile(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file, e);
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
