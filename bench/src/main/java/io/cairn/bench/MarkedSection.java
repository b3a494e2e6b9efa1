package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A part of {@code BENCHMARKS.md} that one benchmark rewrites between markers of its own, with the command that ran
 * it, the machine it ran on and a table of figures; the text around the markers is written by people.
 */
final class MarkedSection {

    private MarkedSection() {}

    /**
     * The command that ran a benchmark: {@code bench/run -Dbench.only=<only>} with every other {@code bench.*} system
     * property it was given.
     */
    static String command(String only) {
        StringBuilder command = new StringBuilder("bench/run -Dbench.only=" + only);
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("bench.") && !List.of("bench.only", "bench.output").contains(name))
                .forEach(name -> command.append(" -D").append(name).append('=').append(System.getProperty(name)));
        return command.toString();
    }

    /** The date, the command, where the results are, and the machine, PostgreSQL and server JVM flags as a table. */
    static String header(String command, Path results, Machine machine, String postgres, String jvmLabel,
            List<String> jvm) {
        return "Run on " + LocalDate.now(ZoneOffset.UTC) + " with `" + command + "` (results in `"
                + Path.of("").toAbsolutePath().relativize(results) + "`).\n\n"
                + "| machine | |\n| --- | --- |\n"
                + "| CPU | " + machine.cpu() + " |\n"
                + "| cores | " + machine.cores() + " |\n"
                + "| RAM | " + machine.memory() + " |\n"
                + "| OS | " + machine.os() + " |\n"
                + "| JDK | " + machine.jdk() + " |\n"
                + "| PostgreSQL | " + postgres.replaceFirst(" on .*", "") + " (embedded, zonky) |\n"
                + "| " + jvmLabel + " | `" + String.join(" ", jvm) + "` |\n\n"
                + "| benchmark | figure | target | result |\n| --- | --- | --- | --- |\n";
    }

    /** A row of the figures' table; {@code pass} null when the figure has no target. */
    static String row(String benchmark, String figure, String target, String result, Boolean pass) {
        return "| " + benchmark + " | " + figure + " | " + target + " | " + result
                + (pass == null ? "" : pass ? " ✅ pass" : " ❌ miss") + " |";
    }

    /**
     * Puts the content between the markers in the file ({@code bench.output}, else {@code BENCHMARKS.md}), or at
     * its end under the heading when the markers are not there yet; the file written.
     */
    static Path write(String begin, String end, String content, String heading) throws IOException {
        Path file = Path.of(System.getProperty("bench.output",
                Path.of("").toAbsolutePath().resolve("BENCHMARKS.md").toString()));
        String section = begin + "\n\n" + content + "\n" + end;
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end);
        String updated = from >= 0 && to > from
                ? existing.substring(0, from) + section + existing.substring(to + end.length())
                : existing + "\n" + heading + "\n\n" + section + "\n";
        Files.writeString(file, updated);
        return file;
    }

    /** The load average of the machine over 1, 5 and 15 minutes, as {@code uptime} shows it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "?";
        }
    }
}
