package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Collects, inside the Gatling JVM, the response time Gatling measured for every request (saved from each response
 * with {@code responseTimeInMillis().saveAs(...)}), per request name, and writes the figures to a file when the
 * simulation ends. Gatling 3.14 keeps its own figures only in the HTML report and a binary log, neither of which is
 * meant to be read by programs; this file is.
 */
final class GatlingFigures {

    /** The session attribute each request saves its response time in. */
    static final String RESPONSE_TIME = "responseTimeMillis";

    private static final Map<String, Series> series = new ConcurrentHashMap<>();

    private GatlingFigures() {}

    static void record(String name, long millis, boolean failed) {
        long now = System.nanoTime();
        series.computeIfAbsent(name, n -> new Series()).record(millis, failed, now);
    }

    /** Writes {@code name<TAB>count<TAB>failed<TAB>seconds<TAB>p50<TAB>p95<TAB>p99<TAB>p99.9<TAB>max<TAB>mean}. */
    static void write(Path file) {
        StringBuilder out = new StringBuilder();
        series.forEach((name, s) -> out.append(s.line(name)).append('\n'));
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Series {
        private final Histogram histogram = new Histogram(60_000, 3);
        private long failed;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        synchronized void record(long millis, boolean failedRequest, long now) {
            histogram.recordValue(Math.min(Math.max(millis, 0), 60_000));
            if (failedRequest) {
                failed++;
            }
            firstStart = Math.min(firstStart, now - millis * 1_000_000);
            lastEnd = Math.max(lastEnd, now);
        }

        synchronized String line(String name) {
            double seconds = Math.max(1e-9, (lastEnd - firstStart) / 1e9);
            return String.join("\t", name, Long.toString(histogram.getTotalCount()), Long.toString(failed),
                    Double.toString(seconds), Long.toString(histogram.getValueAtPercentile(50)),
                    Long.toString(histogram.getValueAtPercentile(95)),
                    Long.toString(histogram.getValueAtPercentile(99)),
                    Long.toString(histogram.getValueAtPercentile(99.9)), Long.toString(histogram.getMaxValue()),
                    Double.toString(histogram.getMean()));
        }
    }
}
