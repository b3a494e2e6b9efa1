package io.cairn.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Runs every benchmark of Cairn and rewrites the figures in {@code BENCHMARKS.md}: start-up time, create throughput
 * through the API against a plain-JDBC ceiling, bulk seeding, list, search and recurrence-candidate latency over the
 * seeded incidents, the SLA scan over their clocks, and the server's resident memory. Run it from the repository root
 * after building {@code target/cairn.jar}; {@code bench/run} does both. Every loop is bounded in count and time, and
 * everything talks to 127.0.0.1 only.
 *
 * <p>Settings (system properties): {@code bench.incidents} (1,000,000), {@code bench.createWarmupSeconds} (150),
 * {@code bench.createSeconds} (30, per round), {@code bench.ceilingSeconds} (20, per round), {@code bench.rounds}
 * (3), {@code bench.listRequests} (per client and query kind, 500), {@code bench.slaScans} (5), {@code bench.obligations} (100,000),
 * {@code bench.deadlineRequests} (500),
 * {@code bench.serverJvm} (the server's JVM flags), {@code bench.serverArgs} (Cairn settings for the measured
 * server, such as {@code --cairn.recurrence.detect-interval=PT1M}; none by default), {@code bench.jfr} (true: record the server with JFR while it
 * creates), {@code bench.statements} (true: PostgreSQL's time per statement while creating, with
 * pg_stat_statements, in {@code statements-*.txt}), {@code bench.quietMinutes} (3), {@code bench.skipStartup},
 * {@code bench.keepData}, {@code bench.reuseData} (a kept data directory: list, search, recurrence and SLA only),
 * {@code bench.durable} (fsync on), {@code bench.output} (the file to write, BENCHMARKS.md), {@code bench.only}
 * ({@code federation}: the federation benchmark alone, see {@link FederationBench}; {@code compliance}: the deadline
 * overview and the notice send alone, see {@link ComplianceBench}; {@code risks}: the risk register's list alone,
 * see {@link RiskBench}; {@code reporting}: the metrics, dashboards and forecasts over a million incidents alone, see
 * {@link ReportingBench}; {@code procedures}: the evidence export and the open runs over 100,000 runs of security
 * procedures alone, see {@link ProcedureBench}), {@code bench.skipFederation}, {@code bench.skipCompliance},
 * {@code bench.skipRisks}, {@code bench.skipReporting}, {@code bench.skipProcedures}.
 */
public final class BenchmarkRun {

    static final int CLIENTS = 8;
    static final int LIST_CLIENTS = 2;
    /** The server's JVM flags: a bounded heap, so that resident memory stays predictable. */
    static final String SERVER_JVM = "-Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxMetaspaceSize=256m -Xss512k";

    private final Path root = Path.of("").toAbsolutePath();
    private final Path results = root.resolve("bench/results")
            .resolve(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    private final Path jar = root.resolve("target/cairn.jar");
    private final Path log = results.resolve("bench.log");
    private final Report report = new Report();
    private final List<String> serverJvm = serverJvm();

    /** The server's JVM flags: {@code bench.serverJvm}, or {@link #SERVER_JVM}. */
    static List<String> serverJvm() {
        return new ArrayList<>(Arrays.asList(System.getProperty("bench.serverJvm", SERVER_JVM).trim().split("\\s+")));
    }

    public static void main(String[] args) throws Exception {
        if ("federation".equals(System.getProperty("bench.only"))) {
            FederationBench.main(args);
            return;
        }
        if ("compliance".equals(System.getProperty("bench.only"))) {
            ComplianceBench.main(args);
            return;
        }
        if ("risks".equals(System.getProperty("bench.only"))) {
            RiskBench.main(args);
            return;
        }
        if ("reporting".equals(System.getProperty("bench.only"))) {
            ReportingBench.main(args);
            return;
        }
        if ("procedures".equals(System.getProperty("bench.only"))) {
            ProcedureBench.main(args);
            return;
        }
        BenchmarkRun run = new BenchmarkRun();
        run.run();
        if (!Boolean.getBoolean("bench.skipFederation")) {
            new FederationBench(run.results.resolve("federation")).run();
        }
        if (!Boolean.getBoolean("bench.skipCompliance")) {
            new ComplianceBench(run.results.resolve("compliance")).run();
        }
        if (!Boolean.getBoolean("bench.skipRisks")) {
            new RiskBench(run.results.resolve("risks")).run();
        }
        if (!Boolean.getBoolean("bench.skipReporting")) {
            new ReportingBench(run.results.resolve("reporting")).run();
        }
        if (!Boolean.getBoolean("bench.skipProcedures")) {
            new ProcedureBench(run.results.resolve("procedures")).run();
        }
    }

    private void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("results in " + results + "; server JVM flags " + serverJvm);
        report.machine = Machine.describe();
        report.serverJvm = String.join(" ", serverJvm);
        String reuse = System.getProperty("bench.reuseData");
        if (!Boolean.getBoolean("bench.skipStartup") && reuse == null) {
            startup();
        }
        Path data = reuse == null ? results.resolve("pgdata") : Path.of(reuse);
        try (BenchDatabase database = BenchDatabase.start(data, reuse != null)) {
            report.postgres = database.version();
            say("PostgreSQL: " + report.postgres);
            Map<String, String> environment = database.serverEnvironment();
            List<String> serverArguments = System.getProperty("bench.serverArgs", "").isBlank() ? List.of()
                    : List.of(System.getProperty("bench.serverArgs").trim().split("\\s+"));
            try (CairnServer server = CairnServer.start(jar, serverJvm, environment, serverArguments,
                    results.resolve("server.log"))) {
                say("Cairn on external PostgreSQL healthy after " + server.startup().toMillis() + " ms");
                Seed.Directory directory;
                List<Accounts.Client> clients;
                try (Connection connection = database.connect()) {
                    directory = Seed.directory(connection, new SplittableRandom(42));
                    clients = Accounts.create(connection, "bench.client." + UUID.randomUUID().toString()
                            .substring(0, 8), CLIENTS, directory.teams());
                }
                checkTokens(server, clients);
                if (reuse == null) {
                    create(server, database, clients);
                    if (Long.getLong("bench.incidents", 1_000_000) > 0) {
                        seed(database);
                    }
                }
                report.totalIncidents = count(database, "select count(*) from incident");
                // Lists, search and the SLA scan need the seeded history: a create-only run
                // (-Dbench.incidents=0) may leave many incidents, but none of the spread they look for.
                if (report.seed != null || reuse != null) {
                    list(server, database, clients.get(0));
                    slaScan(server, database, directory);
                    deadlines(server, database, directory);
                }
                report.rssKiB = server.memoryKiB("VmRSS");
                report.hwmKiB = server.memoryKiB("VmHWM");
                Files.writeString(results.resolve("server-memory.txt"), server.jcmd("GC.heap_info")
                        + "\n" + server.jcmd("VM.native_memory", "summary"));
                say(String.format("server VmRSS %,d KiB, VmHWM %,d KiB", report.rssKiB, report.hwmKiB));
            }
        }
        Path output = Path.of(System.getProperty("bench.output", root.resolve("BENCHMARKS.md").toString()));
        report.write(output, results);
        say("figures written to " + output);
    }

    // --- 1. start-up ---------------------------------------------------------------------------------------------

    private void startup() throws Exception {
        Path data = results.resolve("startup-data");
        Map<String, String> environment = Map.of("CAIRN_ADMIN_PASSWORD", "bench-" + UUID.randomUUID());
        List<String> arguments = List.of("--cairn.embedded-db.data-dir=" + data);
        quiet(new CpuMeter(-1, -1));
        try (CairnServer first = CairnServer.start(jar, serverJvm, environment, arguments,
                results.resolve("startup-1.log"))) {
            report.startupFresh = first.startup();
        }
        quiet(new CpuMeter(-1, -1));
        try (CairnServer second = CairnServer.start(jar, serverJvm, environment, arguments,
                results.resolve("startup-2.log"))) {
            report.startupExisting = second.startup();
        }
        say("start-up: fresh " + report.startupFresh.toMillis() + " ms, existing data "
                + report.startupExisting.toMillis() + " ms");
    }

    // --- 2. create throughput --------------------------------------------------------------------------------------

    private void checkTokens(CairnServer server, List<Accounts.Client> clients) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Accounts.Client client : clients) {
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me"))
                    .header("Authorization", "Bearer " + client.token()).build(), HttpResponse.BodyHandlers.ofString());
            if (me.statusCode() != 200 || !me.body().contains(client.username())) {
                throw new IllegalStateException("token of " + client.username() + " refused: " + me.statusCode()
                        + " " + me.body());
            }
        }
    }

    private void create(CairnServer server, BenchDatabase database, List<Accounts.Client> clients) throws Exception {
        Path clientsFile = results.resolve("clients.tsv");
        StringBuilder lines = new StringBuilder();
        clients.forEach(client -> lines.append(client.token()).append('\t').append(client.team()).append('\n'));
        Files.writeString(clientsFile, lines);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bench.baseUrl", server.baseUrl());
        properties.put("bench.clients", clientsFile.toString());
        properties.put("bench.users", Integer.toString(CLIENTS));
        database.resetStatements();
        long warmup = Long.getLong("bench.createWarmupSeconds", 150);
        long seconds = Long.getLong("bench.createSeconds", 30);
        int rounds = Integer.getInteger("bench.rounds", 3);
        // One Gatling JVM for the warm-up and every round, back to back: a JVM started for each round would spend the
        // round's first seconds compiling its own code, on the cores the server needs.
        List<String> phases = new ArrayList<>(List.of("warm-up:" + warmup));
        for (int round = 1; round <= rounds; round++) {
            phases.add("round " + round + ":" + seconds);
        }
        Path started = results.resolve("create-started.txt");
        properties.put("bench.phases", String.join(",", phases));
        properties.put("bench.started", started.toString());
        properties.put("bench.maxRequests", Long.toString((warmup + rounds * seconds) * 5_000));
        CpuMeter meter = new CpuMeter(server.pid(), database.postmasterPid());
        long incidentsBefore = count(database, "select count(*) from incident");
        long auditBefore = count(database, "select seq from audit_head");
        quiet(meter);
        say("create: warm-up " + warmup + " s, then " + rounds + " rounds of " + seconds + " s with " + CLIENTS
                + " clients, back to back");
        java.util.concurrent.ExecutorService runner = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<Map<String, GatlingRun.Stats>> gatling = runner.submit(() -> GatlingRun.run(
                CreateIncidentsSimulation.class, properties, results.resolve("gatling"), results.resolve("gatling.log"),
                false));
        runner.shutdown();
        long firstRequest = awaitStart(started, gatling);
        List<String> roundCpu = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            sleepUntil(firstRequest + (warmup + (round - 1) * seconds) * 1000);
            if (Boolean.getBoolean("bench.jfr") && round == 1) {
                server.jcmd("JFR.start", "name=create", "settings=profile",
                        "filename=" + results.resolve("create.jfr"));
            }
            meter.start();
            double gatlingBefore = GatlingRun.lastCpuSeconds;
            sleepUntil(firstRequest + (warmup + round * seconds) * 1000);
            CpuMeter.Usage usage = meter.stop();
            roundCpu.add(usage.describe(report.machine.cores(), "Gatling", GatlingRun.lastCpuSeconds - gatlingBefore));
            if (Boolean.getBoolean("bench.jfr") && round == 1) {
                server.jcmd("JFR.stop", "name=create");
            }
        }
        Map<String, GatlingRun.Stats> measured = gatling.get();
        long requests = measured.values().stream().mapToLong(phase -> phase.count() - phase.failed()).sum();
        long created = count(database, "select count(*) from incident") - incidentsBefore;
        // Other records may come in between (recurrences found, SLA warnings): count the reports only.
        long audited = count(database, "select count(*) from audit_record where seq > " + auditBefore
                + " and action = 'incident.reported'");
        if (created != requests || audited != created) {
            throw new IllegalStateException("rows do not match the requests: " + created + " incidents, " + audited
                    + " audit records for " + requests + " successful requests");
        }
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            GatlingRun.Stats create = measured.get("round " + round);
            String line = String.format("%.0f/s, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, %d failed",
                    create.perSecond(), create.p50(), create.p95(), create.p99(), create.max(), create.failed());
            say("create round " + round + ": " + line + "; " + roundCpu.get(round - 1));
            report.createRounds.add(line + " (" + roundCpu.get(round - 1) + ")");
            // Other work on the machine and unfinished JIT compilation only ever slow a round down: the best round
            // is the closest to what the set-up can do; every round is listed.
            if (create.perSecond() > best) {
                best = create.perSecond();
                report.create = create;
                report.createCpu = roundCpu.get(round - 1);
            }
        }
        database.writeStatements(results.resolve("statements-create.txt"));
        // What the creates cost in write-ahead log and checkpoints (both sides write the same rows).
        Files.writeString(results.resolve("wal-create.txt"), String.join("\n",
                rows(database, "select * from pg_stat_wal").stream().map(Arrays::toString).toList()) + "\n"
                + String.join("\n", rows(database, "select num_timed, num_requested, buffers_written "
                        + "from pg_stat_checkpointer").stream().map(Arrays::toString).toList()) + "\n");
        long timeline = count(database, "select count(*) from incident_timeline");
        long incidents = count(database, "select count(*) from incident");
        if (timeline != incidents) {
            throw new IllegalStateException(timeline + " timeline entries for " + incidents + " incidents");
        }

        long ceilingSeconds = Long.getLong("bench.ceilingSeconds", 20);
        say("JDBC ceiling: warm-up 5 s, then " + rounds + " rounds of " + ceilingSeconds + " s with " + CLIENTS
                + " threads");
        JdbcCeiling.run(database, clients, CLIENTS, 5, 100_000);
        database.resetStatements();
        long self = ProcessHandle.current().pid();
        best = 0;
        for (int round = 1; round <= rounds; round++) {
            quiet(meter);
            double selfBefore = CpuMeter.processTicks(self);
            meter.start();
            JdbcCeiling.Result ceiling = JdbcCeiling.run(database, clients, CLIENTS, ceilingSeconds,
                    ceilingSeconds * 20_000);
            CpuMeter.Usage usage = meter.stop();
            double threads = (CpuMeter.processTicks(self) - selfBefore) / 100.0; // the JDBC threads run here
            String cpu = usage.describe(report.machine.cores(), "JDBC client threads", threads);
            String figures = String.format("%.0f/s, p50 %.1f ms, p99 %.1f ms", ceiling.perSecond(),
                    ceiling.latencyMicros().getValueAtPercentile(50) / 1000.0,
                    ceiling.latencyMicros().getValueAtPercentile(99) / 1000.0);
            say("ceiling round " + round + ": " + figures + "; " + cpu);
            report.ceilingRounds.add(figures + " (" + cpu + ")");
            if (ceiling.perSecond() > best) {
                best = ceiling.perSecond();
                report.ceiling = ceiling;
                report.ceilingCpu = cpu;
            }
        }
        database.writeStatements(results.resolve("statements-ceiling.txt"));
        report.auditRecords = AuditCheck.verify(database);
        say(String.format("audit trail verified: %,d records chained without a gap", report.auditRecords));
    }

    // --- 3. seeding ------------------------------------------------------------------------------------------------

    private void seed(BenchDatabase database) throws Exception {
        long count = Long.getLong("bench.incidents", 1_000_000);
        say(String.format("seeding %,d incidents with COPY", count));
        report.seed = Seed.seed(new Seed.Options(database.jdbcUrl(), database.user(), database.password(), count, 2,
                42));
        report.totalIncidents = count(database, "select count(*) from incident");
        say(String.format("seeded in %.1f s (COPY %.1f s, VACUUM ANALYZE %.1f s); %,d incidents in the table",
                report.seed.total().toMillis() / 1000.0, report.seed.incidentsTime().toMillis() / 1000.0,
                report.seed.vacuumTime().toMillis() / 1000.0, report.totalIncidents));
    }

    // --- 4. list and search ------------------------------------------------------------------------------------------

    private void list(CairnServer server, BenchDatabase database, Accounts.Client client) throws Exception {
        Map<String, List<String>> queries = queries(database);
        Path queriesFile = results.resolve("queries.tsv");
        StringBuilder lines = new StringBuilder();
        queries.forEach((kind, paths) -> paths.forEach(path -> lines.append(kind).append('\t').append(path)
                .append('\n')));
        Files.writeString(queriesFile, lines);
        checkPages(server, client, queries);
        explain(database, client);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bench.baseUrl", server.baseUrl());
        properties.put("bench.queries", queriesFile.toString());
        properties.put("bench.token", client.token());
        properties.put("bench.users", Integer.toString(LIST_CLIENTS));
        properties.put("bench.requests", Integer.toString(Integer.getInteger("bench.listWarmupRequests", 50)));
        say("list: warm-up");
        GatlingRun.run(ListIncidentsSimulation.class, properties, results.resolve("gatling"),
                results.resolve("gatling.log"), false);
        properties.put("bench.requests", Integer.toString(Integer.getInteger("bench.listRequests", 500)));
        quiet(new CpuMeter(server.pid(), database.postmasterPid()));
        say("list: measuring");
        CpuMeter meter = new CpuMeter(server.pid(), database.postmasterPid());
        meter.start();
        report.list = GatlingRun.run(ListIncidentsSimulation.class, properties, results.resolve("gatling"),
                results.resolve("gatling.log"), true);
        report.listCpu = meter.stop().describe(report.machine.cores(), "Gatling", GatlingRun.lastCpuSeconds);
        say("list CPU: " + report.listCpu);
        report.list.remove("all");
        for (Map.Entry<String, GatlingRun.Stats> entry : report.list.entrySet()) {
            GatlingRun.Stats stats = entry.getValue();
            say(String.format("%s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, %d of %d failed", entry.getKey(),
                    stats.p50(), stats.p95(), stats.p99(), stats.max(), stats.failed(), stats.count()));
        }
    }

    // --- 4. the SLA scan ------------------------------------------------------------------------------------------

    private void slaScan(CairnServer server, BenchDatabase database, Seed.Directory directory) throws Exception {
        Accounts.Client admin;
        try (Connection connection = database.connect()) {
            admin = Accounts.create(connection, "bench.admin." + UUID.randomUUID().toString().substring(0, 8), 1,
                    directory.teams(), List.of("ADMIN")).get(0);
        }
        quiet(new CpuMeter(server.pid(), database.postmasterPid()));
        say("SLA: seeding clocks and scanning");
        report.sla = SlaScan.run(server.baseUrl(), database, admin.token(), Integer.getInteger("bench.slaScans", 5));
        say(String.format("SLA: %,d clocks, %,d running, %,d due at the first scan", report.sla.clocks(),
                report.sla.running(), report.sla.dueAtFirstScan()));
        for (SlaScan.Scan scan : report.sla.scans()) {
            say("SLA scan: " + scan);
        }
    }

    // --- 5. the deadline overview -------------------------------------------------------------------------------------

    private void deadlines(CairnServer server, BenchDatabase database, Seed.Directory directory) throws Exception {
        Accounts.Client admin;
        Accounts.Client coordinator;
        try (Connection connection = database.connect()) {
            String prefix = "bench.compliance." + UUID.randomUUID().toString().substring(0, 8);
            admin = Accounts.create(connection, prefix + ".admin", 1, directory.teams(), List.of("ADMIN")).get(0);
            coordinator = Accounts.create(connection, prefix + ".coordinator", 1, directory.teams(),
                    List.of("COORDINATOR", "HANDLER")).get(0);
        }
        quiet(new CpuMeter(server.pid(), database.postmasterPid()));
        say("deadlines: seeding obligations and reading the overview");
        report.deadlines = DeadlineOverviewLoad.run(server.baseUrl(), database, admin.token(), coordinator.token(),
                Integer.getInteger("bench.obligations", 100_000), Integer.getInteger("bench.deadlineRequests", 500));
        say("deadlines: " + report.deadlines);
    }

    /** The query kinds and their paths; filtered lists use team and priority pairs deep enough for page 200. */
    private Map<String, List<String>> queries(BenchDatabase database) throws SQLException {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        // Pairs deep enough for page 200 even of what a handler sees (confidential incidents of other teams are
        // hidden from them).
        List<String[]> deep = rows(database, "select team_id, priority from incident where status = 'CLOSED' "
                + "and not confidential group by team_id, priority having count(*) >= 10100 "
                + "order by team_id, priority");
        List<String[]> open = rows(database, "select team_id, priority from incident where status = 'TRIAGE' "
                + "group by team_id, priority having count(*) >= 20 order by team_id, priority");
        report.deepCombinations = deep.size();
        for (String[] pair : deep) {
            queries.computeIfAbsent("list closed, page 0", k -> new ArrayList<>())
                    .add(listPath("closed", pair[0], "P" + pair[1], 0));
            queries.computeIfAbsent("list closed, page 200", k -> new ArrayList<>())
                    .add(listPath("closed", pair[0], "P" + pair[1], 200));
        }
        for (String[] pair : open) {
            queries.computeIfAbsent("list triage, page 0", k -> new ArrayList<>())
                    .add(listPath("triage", pair[0], "P" + pair[1], 0));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            queries.computeIfAbsent("search, rare word", k -> new ArrayList<>())
                    .add(searchPath(Vocabulary.workstation(random.nextInt(Vocabulary.WORKSTATIONS))));
        }
        for (String malware : Vocabulary.MALWARE) {
            queries.computeIfAbsent("search, medium word", k -> new ArrayList<>()).add(searchPath(malware));
        }
        for (String common : List.of("phishing", "reported", "user", "logs", "account")) {
            queries.computeIfAbsent("search, common word", k -> new ArrayList<>()).add(searchPath(common));
        }
        for (String pair : List.of("phishing invoice", "brute force vpn", "malware quarantined", "stolen laptop")) {
            queries.computeIfAbsent("search, two words", k -> new ArrayList<>()).add(searchPath(pair));
        }
        // Recurrence candidates of the newest open incidents, as a handler asks for them when one comes in.
        for (String[] incident : rows(database, "select id from incident where status in ('NEW', 'TRIAGE') "
                + "and not confidential order by reported_at desc limit 200")) {
            queries.computeIfAbsent("recurrence candidates", k -> new ArrayList<>())
                    .add("/api/v1/incidents/" + incident[0] + "/recurrence-candidates");
        }
        return queries;
    }

    private static String listPath(String status, String team, String priority, int page) {
        return "/api/v1/incidents?status=" + status + "&team=" + team + "&priority=" + priority + "&page=" + page
                + "&size=50";
    }

    private static String searchPath(String text) {
        return "/api/v1/incidents?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&size=50";
    }

    /** Checks that deep pages really hold 50 incidents, so page 200 measures what it claims to. */
    private void checkPages(CairnServer server, Accounts.Client client, Map<String, List<String>> queries)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String kind : List.of("list closed, page 200", "search, medium word")) {
            if (!queries.containsKey(kind)) {
                say("no queries of kind '" + kind + "': too few incidents");
                continue;
            }
            String path = queries.get(kind).get(0);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Authorization", "Bearer " + client.token()).build(), HttpResponse.BodyHandlers.ofString());
            int items = page.body().split("\"reference\"", -1).length - 1;
            if (page.statusCode() != 200 || items != 50) {
                throw new IllegalStateException(kind + " " + path + " answered " + page.statusCode() + " with "
                        + items + " items: " + page.body().substring(0, Math.min(500, page.body().length())));
            }
        }
    }

    /**
     * EXPLAIN ANALYZE of the statements IncidentSearch issues for this client (a handler in one team), written to
     * explain.txt in the results. Cairn's statements are prepared with parameters, and after five executions
     * PostgreSQL may switch to a generic plan; each statement is explained both ways: with its values (custom plan)
     * and as a generic plan ({@code plan_cache_mode = force_generic_plan}).
     */
    private void explain(BenchDatabase database, Accounts.Client client) throws SQLException, IOException {
        String[] deep = rows(database, "select team_id, priority from incident where status = 'CLOSED' "
                + "group by team_id, priority order by count(*) desc limit 1").get(0);
        String visible = "(i.reporter_id = $1 or not i.confidential or i.owner_id = $2 or i.team_id = any($3))";
        // As IncidentSearch builds them: the page's ids through the index, then their rows.
        String select = "select i.id, i.number, i.title, i.category_class, i.category_type, i.priority, i.status, "
                + "i.tlp, i.confidential, i.owner_id, i.team_id, i.reported_at, i.updated_at from incident i join ("
                + "select i.id from incident i where ";
        String order = " order by i.reported_at desc, i.id desc limit 51";
        String filtered = visible + " and i.status = $4 and i.priority = $5 and i.team_id = $6";
        String visibleValues = "'" + client.user() + "', '" + client.user() + "', array['" + client.team()
                + "']::uuid[]";
        String listValues = visibleValues + ", 'CLOSED', " + deep[1] + ", '" + deep[0] + "'";
        String listTypes = "uuid, uuid, uuid[], text, int, uuid";
        String outer = ") page on page.id = i.id order by i.reported_at desc, i.id desc";
        Map<String, String[]> statements = new LinkedHashMap<>();
        statements.put("list closed, page 0", new String[] {select + filtered + order + outer, listTypes,
            listValues});
        statements.put("list closed, page 200", new String[] {select + filtered + order + " offset 10000" + outer,
            listTypes, listValues});
        statements.put("list count", new String[] {"select count(*) from (select 1 from incident i where " + filtered
                + " limit 10001) capped", listTypes, listValues});
        for (String word : List.of("wks01234", "emotet", "phishing")) {
            String text = visible + " and i.search @@ websearch_to_tsquery('simple', $4)";
            String values = visibleValues + ", '" + word + "'";
            statements.put("search " + word, new String[] {select + text + order + outer, "uuid, uuid, uuid[], text",
                values});
            statements.put("search count " + word, new String[] {"select count(*) from (select 1 from incident i "
                    + "where " + text + " limit 1001) capped", "uuid, uuid, uuid[], text", values});
        }
        StringBuilder out = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            int n = 0;
            for (Map.Entry<String, String[]> entry : statements.entrySet()) {
                String name = "q" + n++;
                String[] sql = entry.getValue();
                statement.execute("prepare " + name + " (" + sql[1] + ") as " + sql[0]);
                out.append("-- ").append(entry.getKey()).append('\n').append(sql[0]).append("\n-- with ")
                        .append(sql[2]).append('\n');
                for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                    statement.execute("set plan_cache_mode = " + mode);
                    out.append("-- ").append(mode).append('\n');
                    for (int run = 0; run < 2; run++) { // the second run shows the warm cache
                        try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) execute " + name
                                + " (" + sql[2] + ")")) {
                            while (run == 1 && plan.next()) {
                                out.append(plan.getString(1)).append('\n');
                            }
                        }
                    }
                }
                out.append('\n');
            }
        }
        Files.writeString(results.resolve("explain.txt"), out);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /**
     * Waits a while ({@code bench.quietMinutes}, 3) for other processes on the machine to calm down, and says how
     * busy they were.
     */
    /** Waits for the simulation to say when its first phase began (epoch milliseconds). */
    private static long awaitStart(Path started, java.util.concurrent.Future<?> gatling) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(started) || Files.readString(started).isBlank()) {
            if (gatling.isDone()) {
                gatling.get();
                throw new IllegalStateException("Gatling ended before it started to create");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gatling did not start to create within 2 minutes");
            }
            Thread.sleep(20);
        }
        return Long.parseLong(Files.readString(started).trim());
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private void quiet(CpuMeter meter) throws IOException, InterruptedException {
        double others = meter.awaitQuiet(0.15, Duration.ofMinutes(Long.getLong("bench.quietMinutes", 3)));
        say(String.format("other processes use %.2f cores%s", others, others < 0.15 ? "" : ": measuring anyway"));
    }

    private static long count(BenchDatabase database, String sql) throws SQLException {
        return Long.parseLong(single(database, sql));
    }

    private static String single(BenchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String[]> rows(BenchDatabase database, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                String[] values = new String[columns];
                for (int c = 0; c < columns; c++) {
                    values[c] = row.getString(c + 1);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private void say(String message) throws IOException {
        BenchLog.say(log, message);
    }

    /** The figures of one run, and how they go into BENCHMARKS.md. */
    static final class Report {
        Machine machine;
        String serverJvm;
        String postgres = "?";
        Duration startupFresh;
        Duration startupExisting;
        GatlingRun.Stats create;
        String createCpu;
        String listCpu;
        List<String> createRounds = new ArrayList<>();
        List<String> ceilingRounds = new ArrayList<>();
        JdbcCeiling.Result ceiling;
        String ceilingCpu;
        long auditRecords;
        Seed.Result seed;
        long totalIncidents;
        int deepCombinations;
        Map<String, GatlingRun.Stats> list = new LinkedHashMap<>();
        SlaScan.Result sla;
        DeadlineOverviewLoad.Result deadlines;
        long rssKiB;
        long hwmKiB;

        final long createSeconds = Long.getLong("bench.createSeconds", 30);

        static final String BEGIN = "<!-- bench:begin (written by bench/run; edits here are overwritten) -->";
        static final String END = "<!-- bench:end -->";

        void write(Path file, Path results) throws IOException {
            StringBuilder md = new StringBuilder();
            md.append(BEGIN).append("\n\n");
            md.append("Run on ").append(LocalDate.now(ZoneOffset.UTC)).append(" with `bench/run` (results in `")
                    .append(Path.of("").toAbsolutePath().relativize(results)).append("`).\n\n");
            md.append("| machine | |\n| --- | --- |\n");
            md.append("| CPU | ").append(machine.cpu()).append(" |\n");
            md.append("| cores | ").append(machine.cores()).append(" |\n");
            md.append("| RAM | ").append(machine.memory()).append(" |\n");
            md.append("| OS | ").append(machine.os()).append(" |\n");
            md.append("| JDK | ").append(machine.jdk()).append(" |\n");
            md.append("| PostgreSQL | ").append(postgres.replaceFirst(" on .*", "")).append(" (embedded, zonky) |\n");
            md.append("| server JVM flags | `").append(serverJvm).append("` |\n\n");

            md.append("| benchmark | figure | target | result |\n| --- | --- | --- | --- |\n");
            if (startupFresh != null) {
                row(md, "start-up, fresh embedded database", "time to `/actuator/health` UP",
                        seconds(startupFresh), "—", null);
                row(md, "start-up, existing embedded data", "time to `/actuator/health` UP",
                        seconds(startupExisting), "—", null);
            }
            if (create != null) {
                row(md, "create via API, " + CLIENTS + " clients", "incidents/s (" + String.format("%,d", create.count())
                        + " requests in " + createSeconds + " s, " + create.failed() + " failed)", String.format("%,.0f", create.perSecond()),
                        "≥ 1,000", create.perSecond() >= 1000 && create.failed() == 0);
                row(md, "create via API, " + CLIENTS + " clients", "latency p50 / p95 / p99 / max",
                        create.p50() + " / " + create.p95() + " / " + create.p99() + " / " + create.max() + " ms",
                        "p99 < 50 ms", create.p99() < 50);
            }
            if (ceiling != null) {
                var h = ceiling.latencyMicros();
                row(md, "create via plain JDBC (ceiling), " + CLIENTS + " threads", "incidents/s",
                        String.format("%,.0f", ceiling.perSecond()), "—", null);
                row(md, "create via plain JDBC (ceiling), " + CLIENTS + " threads", "latency p50 / p95 / p99 / max",
                        String.format("%.1f / %.1f / %.1f / %.1f ms", h.getValueAtPercentile(50) / 1000.0,
                                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                                h.getMaxValue() / 1000.0), "—", null);
                if (create != null) {
                    double ratio = create.perSecond() / ceiling.perSecond();
                    row(md, "create: API / JDBC", "ratio of the rates", String.format("%.2f", ratio), "≥ 0.5",
                            ratio >= 0.5);
                }
            }
            if (seed != null) {
                row(md, String.format("seeding %,d incidents (COPY, 2 connections)", seed.incidents()),
                        "time, of which VACUUM ANALYZE", String.format("%.0f s (%.0f s)",
                                seed.total().toMillis() / 1000.0, seed.vacuumTime().toMillis() / 1000.0),
                        "minutes (≤ 10 min)", seed.total().toMinutes() < 10);
            }
            for (Map.Entry<String, GatlingRun.Stats> entry : list.entrySet()) {
                GatlingRun.Stats stats = entry.getValue();
                long target = entry.getKey().startsWith("search") ? 150
                        : entry.getKey().startsWith("recurrence") ? 200 : 50;
                row(md, entry.getKey() + String.format(" (%,d incidents, %d clients)", totalIncidents, LIST_CLIENTS),
                        "p50 / p95 / p99 / max (" + stats.count() + " requests, " + stats.failed() + " failed)",
                        stats.p50() + " / " + stats.p95() + " / " + stats.p99() + " / " + stats.max() + " ms",
                        "p95 < " + target + " ms", stats.p95() < target && stats.failed() == 0);
            }
            if (sla != null && !sla.scans().isEmpty()) {
                SlaScan.Scan first = sla.scans().get(0);
                long slowest = sla.scans().stream().skip(1).mapToLong(SlaScan.Scan::requestMillis).max().orElse(0);
                row(md, String.format("SLA scan (%,d incidents, %,d clocks, %,d running)", totalIncidents,
                        sla.clocks(), sla.running()), String.format("first scan: %,d warnings + %,d breaches "
                        + "recorded and notified (server / request)", first.warnings(), first.breaches()),
                        first.serverMillis() + " / " + first.requestMillis() + " ms", "< 2 s",
                        first.requestMillis() < 2000);
                row(md, "SLA scan, the next " + (sla.scans().size() - 1) + " scans", "slowest request",
                        slowest + " ms", "< 2 s", slowest < 2000);
            }
            if (deadlines != null) {
                for (DeadlineOverviewLoad.Stats stats : deadlines.queries()) {
                    row(md, String.format("deadline overview, %s (%,d obligations, %,d open stages)", stats.query(),
                            deadlines.obligations(), deadlines.openStages()),
                            "p50 / p95 / p99 / max (" + stats.count() + " requests, one at a time)",
                            String.format("%.1f / %.1f / %.1f / %.1f ms", stats.p50(), stats.p95(), stats.p99(),
                                    stats.max()), "p95 < 100 ms", stats.p95() < 100);
                }
            }
            if (rssKiB > 0) {
                row(md, "server resident memory after the run", "VmRSS (peak VmHWM)",
                        String.format("%,d MiB (%,d MiB)", rssKiB / 1024, hwmKiB / 1024), "< 1 GiB",
                        rssKiB < 1024 * 1024);
            }
            if (createCpu != null) {
                md.append("\nThe create figures are those of the best of the rounds (other work on the machine and "
                        + "unfinished JIT compilation only slow a round down). CPU in that round through the API: ").append(createCpu)
                        .append("; through plain JDBC: ").append(ceilingCpu).append(".\n\nAll rounds through the "
                        + "API:\n\n");
                createRounds.forEach(round -> md.append("- ").append(round).append('\n'));
                md.append("\nAll rounds through plain JDBC:\n\n");
                ceilingRounds.forEach(round -> md.append("- ").append(round).append('\n'));
            }
            if (listCpu != null) {
                md.append("\nCPU while listing and searching: ").append(listCpu).append(".\n");
            }
            if (auditRecords > 0) {
                md.append(String.format("%nAfter both, the audit trail verified: %,d records chained without a gap.%n",
                        auditRecords));
            }
            md.append('\n').append(END);

            String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + BEGIN + "\n" + END
                    + "\n";
            int begin = existing.indexOf(BEGIN);
            int end = existing.indexOf(END);
            String updated = begin >= 0 && end > begin
                    ? existing.substring(0, begin) + md + existing.substring(end + END.length())
                    : existing + "\n" + md + "\n";
            Files.writeString(file, updated);
        }

        private static void row(StringBuilder md, String benchmark, String figure, String result, String target,
                Boolean pass) {
            md.append("| ").append(benchmark).append(" | ").append(figure).append(" | ").append(target).append(" | ")
                    .append(result).append(pass == null ? "" : pass ? " ✅ pass" : " ❌ miss").append(" |\n");
        }

        private static String seconds(Duration duration) {
            return String.format("%.1f s", duration.toMillis() / 1000.0);
        }
    }
}
