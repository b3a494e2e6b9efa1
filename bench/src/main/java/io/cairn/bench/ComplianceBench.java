package io.cairn.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The compliance benchmark (issue 12, "Speed"): the deadline overview over 100,000 open obligations (p95 under
 * 100 ms) and the notice send to 10,000 people through a local SMTP server (200 mails/s or more when the rate limit
 * allows it), on one real Cairn jar with its own PostgreSQL in a fresh directory and GreenMail's SMTP server in this
 * JVM on a free loopback port; the figures go into {@code BENCHMARKS.md} between the {@code bench:compliance}
 * markers with the machine. Runs on its own with {@code bench/run -Dbench.only=compliance}, and after the other
 * benchmarks of {@code bench/run}.
 *
 * <p>The server sends through GreenMail ({@code spring.mail.host}, {@code spring.mail.port}) without a rate limit
 * ({@code cairn.compliance.notice-rate=0}), looking for notices to send every second. Its database is seeded with as
 * many incidents as there are obligations ({@link Seed}), of which {@link DeadlineOverviewLoad} gives each an open
 * obligation; the notice send is {@link NoticeSendLoad}.
 *
 * <p>Settings (system properties): {@code bench.obligations} (100,000), {@code bench.deadlineRequests} (500 per
 * query, after half as many not counted), {@code bench.noticePeople} (10,000), {@code bench.noticeWarmUp} (people
 * of a notice sent before the measured one, not measured, 2,000; 0: none), {@code bench.noticeMinutes} (the longest
 * a send may take, 15), {@code bench.serverJvm}, {@code bench.serverArgs} (more Cairn settings), {@code
 * bench.quietMinutes} (3), {@code bench.output} (BENCHMARKS.md).
 */
public final class ComplianceBench {

    static final String BEGIN = "<!-- bench:compliance:begin (written by bench/run; edits here are overwritten) -->";
    static final String END = "<!-- bench:compliance:end -->";

    private final Path root = Path.of("").toAbsolutePath();
    private final Path results;
    private final Path jar = root.resolve("target/cairn.jar");
    private final List<String> jvm = BenchmarkRun.serverJvm();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Machine machine;

    ComplianceBench(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        new ComplianceBench(Path.of("bench/results").toAbsolutePath().resolve("compliance-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).run();
    }

    void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("compliance benchmark; results in " + results + "; server JVM flags " + jvm);
        machine = Machine.describe();
        // GreenMail parses each mail with Jakarta Mail, which would look for its stream provider through every jar of
        // the class path each time without its name (jakartaee/mail-api#861); Cairn names it for itself
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        GreenMail smtp = new GreenMail(new ServerSetup(CairnServer.freePort(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String postgres;
        try (BenchDatabase database = BenchDatabase.start(results.resolve("pgdata"), false);
                CairnServer server = CairnServer.start(jar, jvm, database.serverEnvironment(), arguments(smtp),
                        results.resolve("server.log"))) {
            say("Cairn healthy after " + server.startup().toMillis() + " ms; SMTP on 127.0.0.1:"
                    + smtp.getSmtp().getPort());
            postgres = database.version();
            int obligations = Integer.getInteger("bench.obligations", 100_000);
            Seed.Result seeded = Seed.seed(new Seed.Options(database.jdbcUrl(), database.user(), database.password(),
                    obligations, 2, 42));
            say(String.format("seeded %,d incidents in %.0f s", seeded.incidents(), seeded.total().toMillis() / 1e3));
            List<Accounts.Client> people;
            try (Connection connection = database.connect()) {
                String prefix = "bench.compliance." + UUID.randomUUID().toString().substring(0, 8);
                List<UUID> teams = seeded.directory().teams();
                people = List.of(
                        Accounts.create(connection, prefix + ".admin", 1, teams, List.of("ADMIN")).get(0),
                        Accounts.create(connection, prefix + ".coordinator", 1, teams,
                                List.of("COORDINATOR", "HANDLER")).get(0),
                        Accounts.create(connection, prefix + ".officer", 1, teams, List.of("PRIVACY_OFFICER")).get(0));
            }
            CpuMeter meter = new CpuMeter(server.pid(), database.postmasterPid());
            deadlines(server, database, people, obligations, meter);
            notice(server, smtp, people, meter);
        } finally {
            smtp.stop();
        }
        write(postgres);
    }

    /** Cairn sends notices through GreenMail as fast as it can, looking for notices to send every second. */
    private static List<String> arguments(GreenMail smtp) {
        List<String> arguments = new ArrayList<>(List.of("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--cairn.mail.from=cairn@bench.test",
                "--cairn.compliance.notice-rate=0", "--cairn.compliance.notice-send-delay=PT1S",
                "--cairn.compliance.notice-send-interval=PT1S"));
        String more = System.getProperty("bench.serverArgs", "");
        if (!more.isBlank()) {
            arguments.addAll(List.of(more.trim().split("\\s+")));
        }
        return arguments;
    }

    private void deadlines(CairnServer server, BenchDatabase database, List<Accounts.Client> people, int obligations,
            CpuMeter meter) throws Exception {
        quiet(meter);
        String loadBefore = MarkedSection.loadAverage();
        long self = ProcessHandle.current().pid();
        double selfBefore = CpuMeter.processTicks(self);
        meter.start();
        DeadlineOverviewLoad.Result result = DeadlineOverviewLoad.run(server.baseUrl(), database,
                people.get(0).token(), people.get(1).token(), obligations,
                Integer.getInteger("bench.deadlineRequests", 500));
        String cpu = meter.stop().describe(machine.cores(), "bench JVM",
                (CpuMeter.processTicks(self) - selfBefore) / 100.0);
        say("deadlines: " + result);
        for (DeadlineOverviewLoad.Stats stats : result.queries()) {
            rows.add(MarkedSection.row(String.format("deadline overview, %s (%,d obligations, %,d open stages)",
                    stats.query(), result.obligations(), result.openStages()), "p50 / p95 / p99 / max ("
                    + stats.count() + " requests, one at a time)", "p95 < 100 ms", String.format(
                    "%.1f / %.1f / %.1f / %.1f ms", stats.p50(), stats.p95(), stats.p99(), stats.max()),
                    stats.p95() < 100));
        }
        notes.add("Deadline overview: load average " + loadBefore + " before, " + MarkedSection.loadAverage()
                + " after; CPU over the seeding of the obligations and all requests: " + cpu + ".");
    }

    private void notice(CairnServer server, GreenMail smtp, List<Accounts.Client> people, CpuMeter meter)
            throws Exception {
        int count = Integer.getInteger("bench.noticePeople", 10_000);
        int warmUp = Integer.getInteger("bench.noticeWarmUp", 2_000);
        Duration limit = Duration.ofMinutes(Long.getLong("bench.noticeMinutes", 15));
        java.util.concurrent.Callable<Void> quiet = () -> {
            quiet(meter);
            return null;
        };
        if (warmUp > 0) {
            NoticeSendLoad.Result warm = NoticeSendLoad.run(server.baseUrl(), people.get(0).token(),
                    people.get(1).token(), people.get(2), smtp, warmUp, limit, meter, machine.cores(), () -> null,
                    this::sayQuietly);
            say("notice warm-up: " + warm);
            notes.add(String.format("Notice send, warm-up (not measured, as a server that has sent notices has "
                    + "compiled this path): %,d people, %,.0f mails/s, %s.", warmUp, warm.perSecond(),
                    warm.complete() ? "each once" : "**not each once**"));
        }
        NoticeSendLoad.Result result = NoticeSendLoad.run(server.baseUrl(), people.get(0).token(),
                people.get(1).token(), people.get(2), smtp, count, limit, meter, machine.cores(), quiet,
                this::sayQuietly);
        say("notice: " + result);
        String once = result.exactlyOnce() == count ? "every address exactly once"
                : String.format("**%,d of %,d addresses exactly once**", result.exactlyOnce(), count);
        rows.add(MarkedSection.row(String.format("notice send: %,d people through a local SMTP server (GreenMail), "
                + "no rate limit", count), String.format("mails/s from the first mail received to the last (%,d "
                + "received, %s; API: %s sent, %s failed, %s unknown)", result.received(), once,
                result.counts().get("sent"), result.counts().get("failed"), result.counts().get("unknown")), "≥ 200/s",
                String.format("%,.0f/s (%.1f s)", result.perSecond(), result.firstToLast().toMillis() / 1e3),
                result.complete() && result.perSecond() >= 200));
        rows.add(MarkedSection.row("notice send: the same", "send request → first mail received; → every person "
                + "`sent` through the API (polled every 150 ms)", "—", String.format("%.2f s; %s",
                result.untilFirst().toMillis() / 1e3, result.untilAllSent() == null ? "not within the limit"
                : String.format("%.1f s", result.untilAllSent().toMillis() / 1e3)), null));
        notes.add("Notice send: load average " + result.load() + "; CPU from the send request until nobody "
                + "waited: " + result.cpu() + ".");
    }

    /**
     * Waits a while ({@code bench.quietMinutes}, 3) for other processes on the machine, and Cairn, to calm down, and
     * says how busy they were.
     */
    private void quiet(CpuMeter meter) throws IOException, InterruptedException {
        double[] quiet = meter.awaitQuiet(0.15, Duration.ofMinutes(Long.getLong("bench.quietMinutes", 3)), true);
        say(String.format("other processes use %.2f cores, Cairn %.2f cores%s (load average %s)", quiet[0],
                quiet[1], quiet[0] < 0.15 && quiet[1] < 0.15 ? "" : ": measuring anyway",
                MarkedSection.loadAverage()));
    }

    private void write(String postgres) throws IOException {
        StringBuilder md = new StringBuilder(MarkedSection.header(MarkedSection.command("compliance"), results,
                machine, postgres, "server JVM flags", jvm));
        rows.forEach(row -> md.append(row).append('\n'));
        md.append('\n');
        notes.forEach(note -> md.append(note).append("\n\n"));
        say("compliance figures written to " + MarkedSection.write(BEGIN, END, md.toString(),
                "### Compliance figures"));
    }

    private void sayQuietly(String message) {
        BenchLog.sayQuietly(results.resolve("bench.log"), message);
    }

    private void say(String message) throws IOException {
        BenchLog.say(results.resolve("bench.log"), message);
    }
}
