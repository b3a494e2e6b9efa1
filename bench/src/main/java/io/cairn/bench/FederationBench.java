package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The federation benchmark (issue 11, "Speed"): real Cairn jars as separate processes on loopback ports, each with its
 * own database in the benchmark's PostgreSQL, peers registered through the admin API, and the figures written into
 * {@code BENCHMARKS.md} between the {@code bench:federation} markers with the machine. Runs on its own with
 * {@code bench/run -Dbench.only=federation}, and as the last part of {@code bench/run}.
 *
 * <p>Settings (system properties): {@code bench.federation} (which figures, comma-separated: {@code fanout},
 * {@code receiver}, {@code catchup}, {@code chain}; all by default), {@code bench.fanoutSubscribers} (1,000),
 * {@code bench.serverJvm}, {@code bench.serverArgs} (Cairn settings for every instance), {@code bench.jfr} (true:
 * record each instance with JFR from its start, into {@code <name>.jfr} in the results), {@code bench.statements}
 * (true: PostgreSQL's time per statement in {@code statements-<figure>.txt}), {@code bench.quietMinutes} (3),
 * {@code bench.receiverConcurrency} (1,2,4,8,16), {@code bench.receiverMessages} (per step, 1,000), {@code bench.receiverApplying} (true; false: the receiver applies nothing while measured),
 * {@code bench.receiverWarmUp} (messages pushed before the measured steps, 3,000, for each envelope size),
 * {@code bench.receiverEnvelopes} (messages a push: 1 alone, more in an envelope; 1,20),
 * {@code bench.catchupMessages} (100,000), {@code bench.catchupWarmUp} (messages caught up before, not measured, 5,000), {@code bench.chainIncidents} (measured per rate, 200),
 * {@code bench.chainWarmUp} (30), {@code bench.chainIntervals} (ms between two reports at hop 1, one step per
 * interval, comma-separated, the target on the first; 250,1000), {@code bench.chainPollMillis} (10), {@code bench.output} (BENCHMARKS.md).
 */
public final class FederationBench {

    static final String BEGIN = "<!-- bench:federation:begin (written by bench/run; edits here are overwritten) -->";
    static final String END = "<!-- bench:federation:end -->";

    private final Path root = Path.of("").toAbsolutePath();
    private final Path results;
    private final Path jar = root.resolve("target/cairn.jar");
    private final List<String> jvm = BenchmarkRun.serverJvm();
    private final List<String> serverArgs = System.getProperty("bench.serverArgs", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.serverArgs").trim().split("\\s+"));
    private final Set<String> figures = Set.of(System.getProperty("bench.federation",
            "fanout,receiver,catchup,chain")
            .split(","));
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    FederationBench(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of("bench/results").toAbsolutePath().resolve("federation-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        new FederationBench(results).run();
    }

    void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("federation benchmark; results in " + results + "; server JVM flags " + jvm);
        Machine machine = Machine.describe();
        String postgres;
        try (BenchDatabase database = BenchDatabase.start(results.resolve("pgdata"), false)) {
            postgres = database.version();
            for (String figure : List.of("fanout", "receiver", "catchup", "chain")) {
                if (!figures.contains(figure)) {
                    continue;
                }
                database.resetStatements();
                switch (figure) {
                    case "fanout" -> fanOut(database);
                    case "receiver" -> receiver(database);
                    case "catchup" -> catchUp(database);
                    default -> chain(database);
                }
                // with -Dbench.statements=true: PostgreSQL's time per statement, for finding what is slow
                database.writeStatements(results.resolve("statements-" + figure + ".txt"));
            }
        }
        write(machine, postgres);
    }

    private void fanOut(BenchDatabase database) throws Exception {
        int subscribers = Integer.getInteger("bench.fanoutSubscribers", 1_000);
        try (FederationInstance provider = FederationInstance.start(database, "fanout_provider", jar, jvm, serverArgs,
                results)) {
            say("fan-out provider healthy after " + provider.server.startup().toMillis() + " ms");
            CpuMeter meter = new CpuMeter(provider.server.pid(), database.postmasterPid());
            FanOut.Result result = FanOut.run(provider, subscribers, Duration.ofMinutes(3), this::sayQuietly, meter,
                    () -> {
                        quiet(meter);
                        return null;
                    });
            notes.add("Fan-out, CPU from the publish request to the last acknowledgement: " + result.cpu() + ".");
            boolean complete = result.acknowledged() == subscribers && result.refused() == 0;
            row("fan-out: one incident to " + String.format("%,d", subscribers) + " subscriber endpoints",
                    "publish request → last push verified and acknowledged (" + result.acknowledged() + " of "
                            + subscribers + " acknowledged, " + result.refused() + " refused)",
                    "≤ 10 s", complete ? seconds(result.lastAcknowledged()) : "incomplete",
                    complete && result.lastAcknowledged().toMillis() <= 10_000);
            row("fan-out: the same", "publish request alone (" + String.format("%,d", subscribers) + " signed messages written to the outbox); "
                    + "→ all recorded delivered at the provider", "—", result.publishRequest().toMillis() + " ms; "
                    + (result.allRecorded() == null ? "not all" : seconds(result.allRecorded())), null);
        }
    }

    /** Instances that only pull when an admin asks (by default they read their feeds 15 s after start-up). */
    private List<String> pullOnlyWhenAsked() {
        List<String> settings = new ArrayList<>(serverArgs);
        settings.addAll(List.of("--cairn.federation.pull-start-delay=PT1H", "--cairn.federation.pull-interval=PT1H"));
        return settings;
    }

    private void receiver(BenchDatabase database) throws Exception {
        List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.receiverConcurrency", "1,2,4,8,16")
                .split(",")).map(Integer::parseInt).toList();
        int perStep = Integer.getInteger("bench.receiverMessages", 1_000);
        List<String> settings = pullOnlyWhenAsked();
        if (!ReceiverLoad.APPLYING) {
            settings.addAll(List.of("--cairn.federation.apply-on-commit=false", "--cairn.federation.apply-interval=PT1H"));
        }
        try (FederationInstance receiver = FederationInstance.start(database, "receiver", jar, jvm, settings,
                results)) {
            say("receiver healthy after " + receiver.server.startup().toMillis() + " ms");
            CpuMeter meter = new CpuMeter(receiver.server.pid(), database.postmasterPid());
            ReceiverLoad.Result result = ReceiverLoad.run(receiver, concurrencies, perStep, this::sayQuietly, meter,
                    () -> {
                        quiet(meter);
                        return null;
                    });
            long counted = result.steps().stream().mapToLong(ReceiverLoad.Step::accepted).sum();
            ReceiverLoad.Step best = result.steps().stream()
                    .max(java.util.Comparator.comparingDouble(ReceiverLoad.Step::perSecond)).orElseThrow();
            boolean tablesAgree = result.versionsMatch() && result.storedIncidents() == result.expectedIncidents();
            for (ReceiverLoad.Step step : result.steps()) {
                row("receiver: pushed messages verified and stored, " + step.concurrency() + " clients, "
                        + (step.envelope() == 1 ? "one message a push" : step.envelope() + " messages a push"),
                        String.format("messages/s (%,d accepted, %d failed); p50 / p95 / max; → all applied",
                                step.accepted(), step.failed()), step == best ? "≥ 500/s" : "—",
                        String.format("%,.0f/s; %d / %d / %d ms; %.2f s (%,.0f/s)", step.perSecond(), step.p50(),
                                step.p95(), step.max(), step.allAppliedMillis() / 1000.0, step.appliedPerSecond()),
                        step == best ? best.perSecond() >= 500 && step.failed() == 0 && tablesAgree : null);
            }
            notes.add(String.format("Receiver: %,d messages answered `accepted` (verified and stored; applying follows "
                    + "apart) in the measured steps (and a warm-up of " + Integer.getInteger("bench.receiverWarmUp", 3_000) + " before them, at the highest concurrency); \"all applied\" is the time "
                    + "from a step's first push until the receiver had applied every message (none left `accepted`), "
                    + "and the rate that makes. Afterwards the receiver held %,d received messages in all and %,d "
                    + "received incidents for %,d sent, %s. Each client pushes its own incidents: 3 messages in 10 a "
                    + "new incident (version 1), the others the next version of one of its incidents; every message is "
                    + "a publication with two indicators, 1 in 100 with personal-data facts, and a sealed provenance "
                    + "entry padded to 4 KiB (about %,d bytes of JWS each).", counted, result.storedMessages(),
                    result.storedIncidents(), result.expectedIncidents(), result.versionsMatch()
                            ? "each at the last version sent" : "**not all at the last version sent**",
                    7_800));
            result.steps().forEach(step -> notes.add("Receiver, CPU at " + step.concurrency() + " clients, "
                    + step.envelope() + " a push: "
                    + step.cpu() + "."));
        }
    }

    private void catchUp(BenchDatabase database) throws Exception {
        int messages = Integer.getInteger("bench.catchupMessages", 100_000);
        List<String> provider = new ArrayList<>(serverArgs);
        // the provider pushes once an hour in this run: only the subscriber's pull moves the seeded messages
        provider.add("--cairn.federation.push-interval=PT1H");
        try (FederationInstance cloud = FederationInstance.start(database, "catchup_provider", jar, jvm, provider,
                        results);
                FederationInstance platform = FederationInstance.start(database, "catchup_subscriber", jar, jvm,
                        pullOnlyWhenAsked(), results)) {
            say("catch-up provider and subscriber healthy");
            CpuMeter meter = new CpuMeter(platform.server.pid(), database.postmasterPid());
            CatchUp.Result result = CatchUp.run(cloud, platform, messages, this::sayQuietly, meter, () -> {
                quiet(meter);
                return null;
            });
            notes.add("Catch-up, CPU while catching up (\"Cairn\" is the subscriber; the provider is among the "
                    + "others): " + result.cpu() + ".");
            Object accepted = result.pull().get("accepted");
            boolean exact = result.stored() == messages && result.received() == result.incidents()
                    && result.atLastVersion() == result.incidents() && result.reports() == result.incidents()
                    && result.pull().get("refused") instanceof Number refused && refused.longValue() == 0
                    && result.pull().get("duplicates") instanceof Number duplicates && duplicates.longValue() == 0
                    && result.pull().get("failure") == null;
            // the target is 100,000 in 60 s: a smaller run passes only at that rate, and says so
            double rate = messages / (result.took().toMillis() / 1000.0);
            boolean full = messages >= 100_000;
            row(String.format("catch-up by pull: %,d messages about %,d incidents", messages, result.incidents()),
                    "\"catch up now\" → every message verified and stored (" + result.pull().get("pages")
                            + " pages; " + accepted + " accepted, " + result.pull().get("duplicates")
                            + " duplicates, " + result.pull().get("refused") + " refused)",
                    full ? "100,000 ≤ 60 s" : "≥ 1,667/s (100,000 in 60 s)",
                    seconds(result.took()) + String.format(" (%,.0f/s)", rate),
                    exact && (full ? result.took().toSeconds() < 60 : rate >= 100_000 / 60.0));
            row("catch-up by pull: the same", "\"catch up now\" → every message applied (" + result.applied()
                    + " applied, " + result.superseded() + " superseded)", "—", seconds(result.allApplied()), null);
            notes.add(String.format("Catch-up: afterwards the subscriber held %,d messages received by pull (one per "
                    + "message id), %,d received incidents (%,d at the last version seeded), %,d incidents made from "
                    + "them: %s. The provider's outbox was seeded in %d s. Before it, the subscriber caught up %,d other messages of the same "
                    + "feed, not measured (its JIT compiling them).", result.stored(), result.received(),
                    result.atLastVersion(), result.reports(), exact ? "nothing lost, nothing applied twice"
                            : "**not what was seeded**", result.seeding().toSeconds(),
                    Integer.getInteger("bench.catchupWarmUp", 5_000)));
        }
    }

    private void chain(BenchDatabase database) throws Exception {
        int incidents = Integer.getInteger("bench.chainIncidents", 200);
        int warmUp = Integer.getInteger("bench.chainWarmUp", 30);
        List<Duration> intervals = Arrays.stream(System.getProperty("bench.chainIntervals", "250,1000").split(","))
                .map(ms -> Duration.ofMillis(Long.parseLong(ms.trim()))).toList();
        Duration poll = Duration.ofMillis(Long.getLong("bench.chainPollMillis", 10));
        List<FederationInstance> hops = new ArrayList<>();
        try {
            // one after the other: five starting at once on a busy 2-core machine take longer than the health wait
            for (int k = 1; k <= Chain.HOPS; k++) {
                hops.add(FederationInstance.start(database, "chain_hop" + k, jar, jvm, serverArgs, results));
            }
            say("chain: " + hops.size() + " hops healthy");
            Chain.connect(hops, this::sayQuietly);
            List<Long> pids = hops.stream().map(hop -> hop.server.pid()).toList();
            CpuMeter meter = new CpuMeter(pids, database.postmasterPid());
            // a chain behind the rate drains its backlog; on a busy machine that takes minutes
            Duration limit = Duration.ofMinutes(5);
            Chain.measure(hops, "warm-up", warmUp, intervals.get(0), poll, limit, meter, this::sayQuietly,
                    results.resolve("chain-warm-up.csv"));
            boolean first = true;
            for (Duration interval : intervals) {
                quiet(meter);
                Chain.Step step = Chain.measure(hops, interval.toMillis() + "ms", incidents, interval, poll, limit,
                        meter, this::sayQuietly, results.resolve("chain-" + interval.toMillis() + "ms.csv"));
                String holdings = step.exact() ? "each once at every hop"
                        : "**not each once at every hop**: " + step.holdings();
                row(String.format("chain: publish at hop 1 → stored at hop 5 through four relays, one incident every "
                        + "%d ms", interval.toMillis()), String.format("report request → copy stored at the fifth "
                        + "hop (%d of %d arrived, %s); p50 / p95 / max", step.arrived(), step.sent(), holdings),
                        first ? "p95 < 1 s" : "—", String.format("%d / %d / %d ms", step.p50(), step.p95(), step.max()),
                        first ? step.exact() && step.p95() < 1000 : null);
                row("chain: the same, per hop", "mean (p95): report request → hop 2; hop 2 → 3; 3 → 4; 4 → 5 (the "
                        + "copies' `received_at`); the report request alone, p50", "—", perHop(step), null);
                notes.add(String.format("Chain, one incident every %d ms, where each hop's time goes on average: %s. "
                        + "CPU while measuring (\"Cairn\" is the five instances): %s.", interval.toMillis(),
                        step.stages(), step.cpu()));
                first = false;
            }
        } finally {
            for (FederationInstance hop : hops) {
                hop.close();
            }
        }
    }

    private static String perHop(Chain.Step step) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < step.hopMeans().size(); k++) {
            out.append(k == 0 ? "" : "; ").append(step.hopMeans().get(k)).append(" (").append(step.hopP95s().get(k))
                    .append(")");
        }
        return out.append(" ms; ").append(step.reportP50()).append(" ms").toString();
    }

    /**
     * Waits a while ({@code bench.quietMinutes}, 3) for other processes on the machine, and the Cairn measured (still
     * compiling what it served), to calm down, and says how busy they were: on 2 cores, other work changes these
     * figures more than anything measured.
     */
    private void quiet(CpuMeter meter) throws IOException, InterruptedException {
        double[] quiet = meter.awaitQuiet(0.15, Duration.ofMinutes(Long.getLong("bench.quietMinutes", 3)), true);
        say(String.format("other processes use %.2f cores, Cairn %.2f cores%s", quiet[0], quiet[1],
                quiet[0] < 0.15 && quiet[1] < 0.15 ? "" : ": measuring anyway"));
    }

    // --- report -----------------------------------------------------------------------------------------------------

    private void row(String benchmark, String figure, String target, String result, Boolean pass) {
        rows.add(MarkedSection.row(benchmark, figure, target, result, pass));
    }

    private void write(Machine machine, String postgres) throws IOException {
        StringBuilder md = new StringBuilder(MarkedSection.header(MarkedSection.command("federation"), results,
                machine, postgres, "server JVM flags (each instance)", jvm));
        rows.forEach(row -> md.append(row).append('\n'));
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append(note).append("\n\n"));
        }
        say("federation figures written to " + MarkedSection.write(BEGIN, END, md.toString(),
                "## Federation figures"));
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    private void sayQuietly(String message) {
        BenchLog.sayQuietly(results.resolve("bench.log"), message);
    }

    private void say(String message) throws IOException {
        BenchLog.say(results.resolve("bench.log"), message);
    }
}
