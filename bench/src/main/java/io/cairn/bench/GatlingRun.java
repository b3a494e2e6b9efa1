package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one Gatling simulation in its own JVM (as gatling-maven-plugin does) and reads its figures back from the
 * report's {@code js/stats.json}: per request name, the count, failures, mean throughput and the percentiles set in
 * {@code gatling.conf} (50, 95, 99, 99.9) and the maximum, in milliseconds.
 */
final class GatlingRun {

    /** The figures of one request name. */
    record Stats(String name, long count, long failed, double perSecond, long p50, long p95, long p99, long p999,
            long max, double mean) {}

    private static final JsonMapper json = JsonMapper.builder().build();

    private GatlingRun() {}

    static Map<String, Stats> run(Class<?> simulation, Map<String, String> properties, Path resultsDirectory,
            Path log, boolean reports) throws IOException, InterruptedException {
        Files.createDirectories(resultsDirectory);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC",
                // Never reach outside this machine, whatever gatling.conf says.
                "-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl="));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", simulation.getName(), "--results-folder", resultsDirectory.toString(),
                "--launcher", "cairn-bench"));
        if (!reports) {
            command.add("--no-reports");
        }
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!gatling.waitFor(30, TimeUnit.MINUTES)) {
            gatling.destroyForcibly();
            throw new IllegalStateException("Gatling did not finish within 30 minutes; see " + log);
        }
        if (gatling.exitValue() != 0) {
            throw new IllegalStateException("Gatling exited with " + gatling.exitValue() + "; see " + log);
        }
        if (!reports) {
            return Map.of();
        }
        Path run;
        try (Stream<Path> runs = Files.list(resultsDirectory)) {
            run = runs.filter(Files::isDirectory)
                    .filter(dir -> Files.exists(dir.resolve("js/stats.json")))
                    .max(Comparator.comparing(dir -> dir.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report in " + resultsDirectory));
        }
        return read(run.resolve("js/stats.json"));
    }

    static Map<String, Stats> read(Path statsJson) throws IOException {
        JsonNode root = json.readTree(statsJson.toFile());
        Map<String, Stats> byName = new LinkedHashMap<>();
        byName.put("all", stats(root.get("stats")));
        collect(root.get("contents"), byName);
        return byName;
    }

    private static void collect(JsonNode contents, Map<String, Stats> byName) {
        if (contents == null) {
            return;
        }
        for (JsonNode child : contents) {
            if ("REQUEST".equals(child.path("type").asString())) {
                Stats stats = stats(child.get("stats"));
                byName.put(stats.name(), stats);
            }
            collect(child.get("contents"), byName);
        }
    }

    private static Stats stats(JsonNode stats) {
        return new Stats(stats.path("name").asString(), total(stats, "numberOfRequests"),
                stats.path("numberOfRequests").path("ko").asLong(), totalDouble(stats, "meanNumberOfRequestsPerSecond"),
                total(stats, "percentiles1"), total(stats, "percentiles2"), total(stats, "percentiles3"),
                total(stats, "percentiles4"), total(stats, "maxResponseTime"), totalDouble(stats, "meanResponseTime"));
    }

    private static long total(JsonNode stats, String field) {
        return stats.path(field).path("total").asLong();
    }

    private static double totalDouble(JsonNode stats, String field) {
        return stats.path(field).path("total").asDouble();
    }
}
