package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Gatling simulation in its own JVM (as gatling-maven-plugin does) and reads back the figures that
 * {@link GatlingFigures} wrote: per request name, the count, failures, throughput over the measured window, the
 * 50th, 95th, 99th and 99.9th percentiles and the maximum of the response times Gatling measured, in milliseconds.
 * Gatling's HTML report is kept beside them for people.
 */
final class GatlingRun {

    /** The figures of one request name. */
    record Stats(String name, long count, long failed, double perSecond, long p50, long p95, long p99, long p999,
            long max, double mean) {}

    /** CPU seconds the last Gatling JVM used, sampled while it ran. */
    static volatile double lastCpuSeconds;

    private GatlingRun() {}

    static Map<String, Stats> run(Class<?> simulation, Map<String, String> properties, Path resultsDirectory,
            Path log, boolean reports) throws IOException, InterruptedException {
        Files.createDirectories(resultsDirectory);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC", "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                // Never reach outside this machine, whatever gatling.conf says: no usage analytics, no HTTP warm-up
                // request to an outside site, and the check for a newer Gatling release (an HttpURLConnection to
                // Maven Central) goes to a closed loopback port and fails at once.
                "-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9", "-Dhttp.proxyHost=127.0.0.1",
                "-Dhttp.proxyPort=9", "-Djava.util.prefs.userRoot=" + resultsDirectory.resolve("prefs")));
        Path figures = Files.createTempFile(resultsDirectory, "figures-", ".tsv");
        command.add("-Dbench.figures=" + figures);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", simulation.getName(), "--results-folder", resultsDirectory.toString(),
                "--launcher", "cairn-bench"));
        if (!reports) {
            // No simulation.log and no HTML report: the figures come from GatlingFigures, and on a 2-core machine the
            // load generator's CPU is taken from the server it measures.
            command.add(command.indexOf("-cp"), "-Dgatling.data.writers.0=console");
            command.add("--no-reports");
        }
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Thread sampler = new Thread(() -> {
            while (gatling.isAlive()) {
                double ticks = CpuMeter.processTicks(gatling.pid());
                if (ticks > 0) {
                    lastCpuSeconds = ticks / 100.0;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gatling-cpu");
        sampler.setDaemon(true);
        lastCpuSeconds = 0;
        sampler.start();
        if (!gatling.waitFor(30, TimeUnit.MINUTES)) {
            gatling.destroyForcibly();
            throw new IllegalStateException("Gatling did not finish within 30 minutes; see " + log);
        }
        if (gatling.exitValue() != 0) {
            throw new IllegalStateException("Gatling exited with " + gatling.exitValue() + "; see " + log);
        }
        Map<String, Stats> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(figures)) {
            String[] f = line.split("\t");
            if (f.length == 10) {
                long count = Long.parseLong(f[1]);
                byName.put(f[0], new Stats(f[0], count, Long.parseLong(f[2]), count / Double.parseDouble(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                        Long.parseLong(f[8]), Double.parseDouble(f[9])));
            }
        }
        return byName;
    }
}
