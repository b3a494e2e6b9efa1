package io.cairn.reporting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Durations in microseconds (exact: PostgreSQL's instants have that precision), collected, then sorted and read. The
 * figures of several sorted sets are computed without merging them: the count, the mean rounded to a tenth of a
 * second from the exact sum, the maximum, and percentiles exactly as PostgreSQL's {@code percentile_cont} computes
 * them over the same durations in seconds, so that a roll-up gives the numbers the incidents give.
 */
final class Durations {

    private long[] values = new long[8];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    int size() {
        return size;
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** Written sorted: the count, then each value's distance from the one before as a variable-length number. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        long previous = 0;
        for (int i = 0; i < size; i++) {
            long delta = values[i] - previous;
            while ((delta & ~0x7FL) != 0) {
                out.writeByte((int) ((delta & 0x7F) | 0x80));
                delta >>>= 7;
            }
            out.writeByte((int) delta);
            previous = values[i];
        }
    }

    static Durations read(DataInputStream in) throws IOException {
        Durations durations = new Durations();
        durations.size = in.readInt();
        durations.values = new long[Math.max(durations.size, 1)];
        long previous = 0;
        for (int i = 0; i < durations.size; i++) {
            long delta = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                delta |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += delta;
            durations.values[i] = previous;
        }
        return durations;
    }

    /**
     * Count, mean, median, 90th percentile and maximum in seconds (each to a tenth) over sorted sets of durations, as
     * {@link DurationMetrics} gives them; the count is 0 and the rest null when there is none.
     */
    static List<@Nullable Object> figures(List<Durations> sets) {
        long count = sets.stream().mapToLong(Durations::size).sum();
        if (count == 0) {
            return Arrays.asList(0L, null, null, null, null);
        }
        BigInteger sum = BigInteger.ZERO;
        long max = Long.MIN_VALUE;
        for (Durations set : sets) {
            sum = sum.add(set.sum());
            max = set.size == 0 ? max : Math.max(max, set.values[set.size - 1]);
        }
        return Arrays.asList(
                count,
                tenths(sum, count),
                Periods.round(percentile(sets, count, 0.5)),
                Periods.round(percentile(sets, count, 0.9)),
                Periods.round(seconds(max)));
    }

    /** The exact sum: in a long while it fits (a day's durations always do), else in a big integer. */
    private BigInteger sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            long next = sum + values[i];
            if (((sum ^ next) & (values[i] ^ next)) < 0) {
                BigInteger big = BigInteger.valueOf(sum);
                for (int j = i; j < size; j++) {
                    big = big.add(BigInteger.valueOf(values[j]));
                }
                return big;
            }
            sum = next;
        }
        return BigInteger.valueOf(sum);
    }

    /** The median and the 90th percentile in seconds, or nulls when there is no duration. */
    static List<@Nullable Double> percentiles(List<Durations> sets) {
        long count = sets.stream().mapToLong(Durations::size).sum();
        return count == 0
                ? Arrays.asList(null, null)
                : Arrays.asList(
                        Periods.round(percentile(sets, count, 0.5)), Periods.round(percentile(sets, count, 0.9)));
    }

    /** The mean of microseconds in seconds, rounded half up to a tenth from the exact sum. */
    static double tenths(BigInteger sumMicros, long count) {
        return new BigDecimal(sumMicros)
                .divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1_000_000L)), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** PostgreSQL's continuous percentile: linear interpolation between the two nearest durations (in seconds). */
    private static double percentile(List<Durations> sets, long count, double fraction) {
        double position = fraction * (count - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        double low = seconds(kth(sets, first));
        if (second == first) {
            return low;
        }
        double high = seconds(kth(sets, second));
        return low + ((position - first) * (high - low));
    }

    private static double seconds(long micros) {
        return micros / 1_000_000.0;
    }

    /** The k-th smallest (from 0) of the sorted sets together: the least value that has more than k at or under it. */
    private static long kth(List<Durations> sets, long k) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (Durations set : sets) {
            if (set.size > 0) {
                low = Math.min(low, set.values[0]);
                high = Math.max(high, set.values[set.size - 1]);
            }
        }
        while (low < high) {
            long middle = low + ((high - low) >>> 1);
            if (atOrUnder(sets, middle) > k) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static long atOrUnder(List<Durations> sets, long value) {
        long count = 0;
        for (Durations set : sets) {
            int from = 0;
            int to = set.size;
            while (from < to) {
                int middle = (from + to) >>> 1;
                if (set.values[middle] <= value) {
                    from = middle + 1;
                } else {
                    to = middle;
                }
            }
            count += from;
        }
        return count;
    }
}
