package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the machine's CPU time goes during a measurement, from /proc (in clock ticks of 10 ms): the whole machine, the
 * Cairn process, and the PostgreSQL server with all its processes. What is left is the load generator and anything
 * else running on the machine.
 */
final class CpuMeter {

    /** CPU seconds used in a window, and the window's length. */
    record Usage(double seconds, double machine, double server, double postgres) {
        /** Describes where the time went; the load generator's CPU seconds are measured by its runner. */
        String describe(int cores, String generatorName, double generator) {
            return String.format("machine %.0f %% busy of %d cores: Cairn %.2f cores, PostgreSQL %.2f cores, "
                    + "%s %.2f cores, other processes %.2f cores", 100 * machine / seconds / cores, cores,
                    server / seconds, postgres / seconds, generatorName, generator / seconds,
                    Math.max(0, machine - server - postgres - generator) / seconds);
        }

        double otherCores(double generator) {
            return Math.max(0, machine - server - postgres - generator) / seconds;
        }
    }

    private final List<Long> serverPids;
    private final long postmasterPid;
    private long started;
    private double machine;
    private double server;
    private double postgres;

    CpuMeter(long serverPid, long postmasterPid) {
        this(List.of(serverPid), postmasterPid);
    }

    /** A meter that counts several Cairn processes together as "Cairn", such as the instances of a chain. */
    CpuMeter(List<Long> serverPids, long postmasterPid) {
        this.serverPids = List.copyOf(serverPids);
        this.postmasterPid = postmasterPid;
    }

    private double serverTicks() {
        return serverPids.stream().mapToDouble(CpuMeter::processTicks).sum();
    }

    void start() throws IOException {
        started = System.nanoTime();
        machine = machineTicks();
        server = serverTicks();
        postgres = postgresTicks();
    }

    Usage stop() throws IOException {
        return new Usage((System.nanoTime() - started) / 1e9, (machineTicks() - machine) / 100.0,
                (serverTicks() - server) / 100.0, (postgresTicks() - postgres) / 100.0);
    }

    private double postgresTicks() throws IOException {
        // The postmaster's own time, and that of its children that have exited (closed connections)...
        String[] postmaster = stat(Path.of("/proc", Long.toString(postmasterPid), "stat"));
        double ticks = postmaster == null ? 0 : Long.parseLong(postmaster[11]) + Long.parseLong(postmaster[12])
                + Long.parseLong(postmaster[13]) + Long.parseLong(postmaster[14]);
        // ...and that of its children still running.
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process.resolve("stat"));
                if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return ticks;
    }

    /**
     * Waits until processes other than Cairn, PostgreSQL and this JVM use less than {@code limit} cores over a few
     * seconds, at most {@code patience}; returns what they used at the end. Other work on a 2-core machine changes
     * the figures more than anything the benchmark measures.
     */
    double awaitQuiet(double limit, java.time.Duration patience) throws IOException, InterruptedException {
        return awaitQuiet(limit, patience, false)[0];
    }

    /**
     * Waits as {@link #awaitQuiet(double, java.time.Duration)} does, and also, when {@code serverToo}, until Cairn
     * itself is at rest (below {@code limit}): a JVM that has just served thousands of requests for the first time
     * spends a good part of two cores compiling them for a minute or more after, which a server that has run for a
     * while has done long before. Returns the cores the others and Cairn used at the end.
     */
    double[] awaitQuiet(double limit, java.time.Duration patience, boolean serverToo)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long self = ProcessHandle.current().pid();
        while (true) {
            start();
            double before = processTicks(self);
            Thread.sleep(3000);
            Usage usage = stop();
            double others = usage.otherCores((processTicks(self) - before) / 100.0);
            double server = usage.server() / usage.seconds();
            if ((others < limit && (!serverToo || server < limit)) || System.nanoTime() > deadline) {
                return new double[] {others, server};
            }
        }
    }

    static double processTicks(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** The fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static double machineTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        List<Long> values = new ArrayList<>();
        for (int i = 1; i < cpu.length; i++) {
            values.add(Long.parseLong(cpu[i]));
        }
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
        return values.get(0) + values.get(1) + values.get(2) + values.get(5) + values.get(6) + values.get(7);
    }
}
