package io.cairn.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the metrics count of one day (in the reporting zone) for one group of incidents: of those reported that day,
 * how many, when they were closed (as days after), how many serious, resolved, with a root cause, their SLA clocks per
 * priority and their detection per source, and their recorded costs; how many were closed that day; and the durations that ended that day, in
 * microseconds, sorted. Built by {@link DayFacts} from the incidents, kept in {@code reporting_day} as bytes.
 */
final class DayFigures {

    /** Counts of a priority's SLA clocks: clocks, then as {@link SlaMetrics} counts them. */
    static final int CLOCKS = 0;

    static final int RESPONSE_DECIDED = 1;
    static final int RESPONSE_MET = 2;
    static final int RESPONSE_BREACHED = 3;
    static final int RESOLUTION_DECIDED = 4;
    static final int RESOLUTION_MET = 5;
    static final int RESOLUTION_BREACHED = 6;
    static final int NEAR = 7;
    static final int SLA_COUNTS = 8;

    /** The form of the stored bytes; the builder rebuilds every day when it changes. */
    static final int FORMAT = 7;

    private static final DurationMetrics.Measure[] MEASURES = DurationMetrics.Measure.values();

    /** The incidents of one detection source reported that day, those whose time to detect is known, and those times. */
    static final class Detection {
        long incidents;
        long timed;
        Durations detect = new Durations();
    }

    long opened;
    long closed;
    /** Of those reported: days from the report to the close (any closed), and for serious ones resolved (closed). */
    final Map<Integer, Long> closedAfter = new TreeMap<>();

    long serious;
    final Map<Integer, Long> seriousResolvedAfter = new TreeMap<>();
    long rooted;
    long seriousRooted;
    /** Of those reported: with a root cause other than unknown, and of those recurring (MET-4). */
    long recurrenceRooted;

    long recurring;
    /** Of those, per root cause (not unknown): the incidents, and the recurring ones. */
    final Map<String, long[]> rootCauses = new TreeMap<>();
    /** SLA clocks breached that day and still running (not met). */
    long breachedRunning;
    /**
     * Of those reported, as they stand now (the maturity view): not dismissed, of those acknowledged, triaged, of
     * those with a detection source, closed or dismissed, with a business unit; and their business units.
     */
    long kept;

    long prioritised;
    long triaged;
    long recorded;
    long settledClosed;
    long withUnit;
    final java.util.Set<String> units = new java.util.TreeSet<>();

    /** Of those reported, those with costs and losses recorded (MET-2), of those estimated, their total and the largest. */
    long costed;

    long costEstimated;
    BigDecimal costTotal = BigDecimal.ZERO;

    @Nullable
    BigDecimal costLargest;

    /** Of those reported, their costs and losses by DORA cost category. */
    final CostLineFigures costLines = new CostLineFigures();

    final Map<Integer, long[]> sla = new TreeMap<>();
    final Map<String, Detection> detection = new TreeMap<>();
    final Durations[] ended = new Durations[MEASURES.length];

    DayFigures() {
        for (int m = 0; m < ended.length; m++) {
            ended[m] = new Durations();
        }
    }

    Durations ended(DurationMetrics.Measure measure) {
        return ended[measure.ordinal()];
    }

    static void count(Map<Integer, Long> days, int after) {
        days.merge(after, 1L, Long::sum);
    }

    /** How many of the days' counts are under the bound (days after the report). */
    static long under(Map<Integer, Long> days, long bound) {
        long sum = 0;
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            if (entry.getKey() < bound) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    /** Sorts the durations; after this the figures are only read. */
    DayFigures seal() {
        Arrays.stream(ended).forEach(Durations::sort);
        detection.values().forEach(source -> source.detect.sort());
        return this;
    }

    /** About the bytes the figures take in memory, for the cache's bound. */
    int weight() {
        long durations = Arrays.stream(ended).mapToLong(Durations::size).sum()
                + detection.values().stream()
                        .mapToLong(source -> source.detect.size())
                        .sum();
        return (int) Math.min(Integer.MAX_VALUE, 512 + 8 * durations + 64L * (closedAfter.size() + sla.size()));
    }

    /** The single counts, in the order they are written. */
    private long[] counts() {
        return new long[] {
            opened,
            closed,
            serious,
            rooted,
            seriousRooted,
            recurrenceRooted,
            recurring,
            breachedRunning,
            kept,
            prioritised,
            triaged,
            recorded,
            settledClosed,
            withUnit,
            costed,
            costEstimated
        };
    }

    private void counts(long[] counts) {
        opened = counts[0];
        closed = counts[1];
        serious = counts[2];
        rooted = counts[3];
        seriousRooted = counts[4];
        recurrenceRooted = counts[5];
        recurring = counts[6];
        breachedRunning = counts[7];
        kept = counts[8];
        prioritised = counts[9];
        triaged = counts[10];
        recorded = counts[11];
        settledClosed = counts[12];
        withUnit = counts[13];
        costed = counts[14];
        costEstimated = counts[15];
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            for (long count : counts()) {
                out.writeLong(count);
            }
            out.writeInt(units.size());
            for (String unit : units) {
                out.writeUTF(unit);
            }
            writeDays(out, closedAfter);
            writeDays(out, seriousResolvedAfter);
            writeSla(out);
            out.writeInt(rootCauses.size());
            for (Map.Entry<String, long[]> cause : rootCauses.entrySet()) {
                out.writeUTF(cause.getKey());
                out.writeLong(cause.getValue()[0]);
                out.writeLong(cause.getValue()[1]);
            }
            writeDetection(out);
            writeDecimal(out, costTotal);
            out.writeBoolean(costLargest != null);
            if (costLargest != null) {
                writeDecimal(out, costLargest);
            }
            costLines.write(out);
            for (Durations durations : ended) {
                durations.write(out);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private void writeSla(DataOutputStream out) throws IOException {
        out.writeInt(sla.size());
        for (Map.Entry<Integer, long[]> priority : sla.entrySet()) {
            out.writeInt(priority.getKey());
            for (long count : priority.getValue()) {
                out.writeLong(count);
            }
        }
    }

    private void writeDetection(DataOutputStream out) throws IOException {
        out.writeInt(detection.size());
        for (Map.Entry<String, Detection> source : detection.entrySet()) {
            out.writeUTF(source.getKey());
            out.writeLong(source.getValue().incidents);
            out.writeLong(source.getValue().timed);
            source.getValue().detect.write(out);
        }
    }

    static DayFigures decode(byte[] bytes) {
        DayFigures figures = new DayFigures();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("reporting_day figures of an unknown format");
            }
            long[] counts = figures.counts();
            for (int c = 0; c < counts.length; c++) {
                counts[c] = in.readLong();
            }
            figures.counts(counts);
            for (int n = in.readInt(); n > 0; n--) {
                figures.units.add(in.readUTF());
            }
            readDays(in, figures.closedAfter);
            readDays(in, figures.seriousResolvedAfter);
            figures.readSla(in);
            for (int n = in.readInt(); n > 0; n--) {
                figures.rootCauses.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
            }
            figures.readDetection(in);
            figures.costTotal = readDecimal(in);
            figures.costLargest = in.readBoolean() ? readDecimal(in) : null;
            figures.costLines.read(in);
            for (int m = 0; m < MEASURES.length; m++) {
                figures.ended[m] = Durations.read(in);
            }
        } catch (IOException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
        return figures;
    }

    private void readSla(DataInputStream in) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            int priority = in.readInt();
            long[] counts = new long[SLA_COUNTS];
            for (int c = 0; c < SLA_COUNTS; c++) {
                counts[c] = in.readLong();
            }
            sla.put(priority, counts);
        }
    }

    private void readDetection(DataInputStream in) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            Detection source = new Detection();
            String key = in.readUTF();
            source.incidents = in.readLong();
            source.timed = in.readLong();
            source.detect = Durations.read(in);
            detection.put(key, source);
        }
    }

    /** Adds an incident's recorded costs and losses. */
    void cost(BigDecimal amount, boolean estimate) {
        costed++;
        costEstimated += estimate ? 1 : 0;
        costTotal = costTotal.add(amount);
        costLargest = larger(costLargest, amount);
    }

    /** The larger of two amounts, either of which may be unknown. */
    static @Nullable BigDecimal larger(@Nullable BigDecimal one, @Nullable BigDecimal other) {
        return one == null || other != null && other.compareTo(one) > 0 ? other : one;
    }

    static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
        out.writeInt(value.scale());
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
    }

    static BigDecimal readDecimal(DataInputStream in) throws IOException {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static void writeDays(DataOutputStream out, Map<Integer, Long> days) throws IOException {
        out.writeInt(days.size());
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            out.writeInt(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static void readDays(DataInputStream in, Map<Integer, Long> days) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            days.put(in.readInt(), in.readLong());
        }
    }
}
