package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The durations of a roll-up: exact figures over several sorted sets, and their bytes. */
class DurationsTest {

    @Test
    void figuresOverSeveralSetsAreTheFiguresOfTheirDurationsTogether() {
        // 1, 2, 3, 4 and 10 seconds in three sets: mean 4.0, median 3.0, P90 at 0.9 x 4 = 3.6 between 4 and 10: 7.6.
        List<Durations> sets = List.of(of(3_000_000, 1_000_000), of(), of(10_000_000, 2_000_000, 4_000_000));
        assertThat(Durations.figures(sets)).containsExactly(5L, 4.0, 3.0, 7.6, 10.0);
        assertThat(Durations.percentiles(sets)).containsExactly(3.0, 7.6);
    }

    @Test
    void noDurationCountsZeroWithNoFigures() {
        assertThat(Durations.figures(List.of(of(), of()))).containsExactly(0L, null, null, null, null);
        assertThat(Durations.percentiles(List.of())).containsExactly(null, null);
    }

    @Test
    void theMeanIsRoundedHalfUpFromTheExactSum() {
        // 0.05 s and 0.1 s: mean 0.075 s, to a tenth 0.1 (a double average of 0.075 may round either way).
        assertThat(Durations.figures(List.of(of(50_000, 100_000))).get(1)).isEqualTo(0.1);
        // sums beyond a long: two durations of 2^62 microseconds
        assertThat(Durations.figures(List.of(of(1L << 62, 1L << 62))).get(1)).isEqualTo(4611686018427.4);
    }

    @Test
    void randomSetsGiveThePercentilesOfTheirMergedDurations() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<Durations> sets = new ArrayList<>();
            List<Long> all = new ArrayList<>();
            for (int s = random.nextInt(6); s >= 0; s--) {
                Durations set = new Durations();
                for (int n = random.nextInt(20); n > 0; n--) {
                    long micros = random.nextInt(5) == 0 ? 42_000_000 : random.nextLong(1L << 40);
                    set.add(micros);
                    all.add(micros);
                }
                set.sort();
                sets.add(set);
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            List<Double> expected = sorted.length == 0
                    ? Arrays.asList(null, null)
                    : List.of(percentileCont(sorted, 0.5), percentileCont(sorted, 0.9));
            assertThat(Durations.percentiles(sets)).as("trial %d", trial).isEqualTo(expected);
        }
    }

    @Test
    void durationsReadBackAsWritten() throws IOException {
        Durations written = of(5, 0, 1L << 50, 300, 300);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        written.write(new DataOutputStream(bytes));
        Durations read = Durations.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(Durations.figures(List.of(read))).isEqualTo(Durations.figures(List.of(written)));
        assertThat(read.size()).isEqualTo(5);
    }

    @Test
    void dayFiguresReadBackAsWritten() {
        DayFigures day = new DayFigures();
        day.opened = 3;
        day.closed = 1;
        DayFigures.count(day.closedAfter, 0);
        DayFigures.count(day.closedAfter, 12);
        day.sla.put(2, new long[] {2, 1, 1, 0, 1, 0, 1, 1});
        day.detection
                .computeIfAbsent("automated", s -> new DayFigures.Detection())
                .detect
                .add(60_000_000);
        day.ended(DurationMetrics.Measure.CLOSE).add(7_000_000);
        DayFigures read = DayFigures.decode(day.seal().encode());
        assertThat(read.encode()).isEqualTo(day.encode());
        assertThat(DayFigures.under(read.closedAfter, 12)).isEqualTo(1);
        assertThat(DayFigures.under(read.closedAfter, 13)).isEqualTo(2);
    }

    /** PostgreSQL's percentile_cont over sorted microseconds, in seconds, rounded to a tenth as the metrics give it. */
    private static Double percentileCont(long[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int first = (int) Math.floor(position);
        int second = (int) Math.ceil(position);
        double low = sorted[first] / 1_000_000.0;
        double value = second == first ? low : low + ((position - first) * (sorted[second] / 1_000_000.0 - low));
        return Periods.round(value);
    }

    private static Durations of(long... micros) {
        Durations durations = new Durations();
        Arrays.stream(micros).forEach(durations::add);
        durations.sort();
        return durations;
    }
}
