package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A benchmark's log: each line with the time of day (UTC), on the console and appended to the run's log file. */
final class BenchLog {

    private BenchLog() {}

    /** Writes the message as a line of the log. */
    static void say(Path log, String message) throws IOException {
        String line = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " "
                + message;
        System.out.println(line);
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The same, where a failure to write the log cannot be passed on as checked. */
    static void sayQuietly(Path log, String message) {
        try {
            say(log, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
