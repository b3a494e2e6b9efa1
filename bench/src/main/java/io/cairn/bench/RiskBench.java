package io.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The risk register benchmark (issue 13, "Speed": the register with 10,000 risks lists in under 50 ms at p95): one
 * real Cairn jar on its own PostgreSQL in a fresh directory, 10,000 risks written straight into the {@code risk}
 * table as the register keeps them (likelihood and impact spread over the default 5 x 5 matrix with the severity it
 * gives, a quarter closed, targets from a year ago to a year ahead, five business units and no unit), then the first
 * page of {@code GET /api/v1/risks} as a coordinator in its default order (target) and with {@code overdue=true},
 * one request at a time after a warm-up. The figures go into {@code BENCHMARKS.md} between the {@code bench:risks}
 * markers with the machine. Runs on its own with {@code bench/run -Dbench.only=risks}, and after the other
 * benchmarks of {@code bench/run}.
 *
 * <p>Settings (system properties): {@code bench.risks} (10,000), {@code bench.riskRequests} (500 per query, after
 * half as many not counted), {@code bench.serverJvm}, {@code bench.output} (BENCHMARKS.md).
 */
public final class RiskBench {

    static final String BEGIN = "<!-- bench:risks:begin (written by bench/run; edits here are overwritten) -->";
    static final String END = "<!-- bench:risks:end -->";

    /** The default matrix's severity of each likelihood (row) and impact (column), levels from 1. */
    private static final String[][] CELLS = {
        {"low", "low", "low", "low", "medium"},
        {"low", "low", "medium", "medium", "high"},
        {"low", "medium", "medium", "high", "high"},
        {"low", "medium", "high", "high", "critical"},
        {"medium", "high", "high", "critical", "critical"}
    };

    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    private static final HttpClient http = HttpClient.newHttpClient();

    private final Path root = Path.of("").toAbsolutePath();
    private final Path results;
    private final Path jar = root.resolve("target/cairn.jar");
    private final List<String> jvm = BenchmarkRun.serverJvm();

    RiskBench(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        new RiskBench(Path.of("bench/results").toAbsolutePath().resolve("risks-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).run();
    }

    void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("risk register benchmark; results in " + results + "; server JVM flags " + jvm);
        Machine machine = Machine.describe();
        int count = Integer.getInteger("bench.risks", 10_000);
        int requests = Integer.getInteger("bench.riskRequests", 500);
        List<String> rows = new ArrayList<>();
        String postgres;
        String load;
        try (BenchDatabase database = BenchDatabase.start(results.resolve("pgdata"), false);
                CairnServer server = CairnServer.start(jar, jvm, database.serverEnvironment(), List.of(),
                        results.resolve("server.log"))) {
            say("Cairn healthy after " + server.startup().toMillis() + " ms");
            postgres = database.version();
            String token;
            try (Connection connection = database.connect()) {
                token = Accounts.create(connection, "bench.risks." + UUID.randomUUID().toString().substring(0, 8), 1,
                        List.of(Accounts.firstTeam(connection)), List.of("COORDINATOR")).get(0).token();
                seed(connection, count);
            }
            load = MarkedSection.loadAverage();
            String list = server.baseUrl() + "/api/v1/risks";
            time(list, token, requests / 2);
            for (String[] query : new String[][] {{"default order (target), first page of 50", ""},
                    {"overdue=true, first page of 50", "?overdue=true"}}) {
                long[] nanos = time(list + query[1], token, requests);
                Arrays.sort(nanos);
                double p95 = millis(nanos, 0.95);
                rows.add(MarkedSection.row(String.format("risk register list, %s (%,d risks)", query[0], count),
                        "p50 / p95 / p99 / max (" + requests + " requests, one at a time)", "p95 < 50 ms",
                        String.format("%.1f / %.1f / %.1f / %.1f ms", millis(nanos, 0.5), p95, millis(nanos, 0.99),
                                nanos[nanos.length - 1] / 1e6), p95 < 50));
                say(rows.get(rows.size() - 1));
            }
        }
        StringBuilder md = new StringBuilder(MarkedSection.header(MarkedSection.command("risks"), results, machine,
                postgres, "server JVM flags", jvm));
        rows.forEach(row -> md.append(row).append('\n'));
        md.append("\nLoad average before the requests: ").append(load).append(" (the machine's two cores were "
                + "shared with other work, so the figures are an upper bound).\n");
        say("risk figures written to " + MarkedSection.write(BEGIN, END, md.toString(), "### Risk register figures"));
    }

    /** Writes the risks, owned by the benchmark's coordinator, and the history row of each. */
    private static void seed(Connection connection, int count) throws Exception {
        StringBuilder cells = new StringBuilder();
        for (int l = 0; l < 5; l++) {
            for (int i = 0; i < 5; i++) {
                cells.append(cells.isEmpty() ? "" : ", ").append(String.format("(%d, %d, '%s', %d)", l + 1, i + 1,
                        CELLS[l][i], SEVERITIES.indexOf(CELLS[l][i]) + 1));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                with owner as (select user_id from user_role where role = 'COORDINATOR' limit 1),
                     units as (select array_agg(gen_random_uuid()) as ids from generate_series(1, 5)),
                     cells (l, i, severity, rank) as (values %s),
                     made as (select n, 1 + (n * 7) %% 5 as l, 1 + (n * 13) %% 5 as i from generate_series(1, ?) n)
                insert into risk (id, title, description, business_unit_id, owner_id, treatment, mitigation_target_at,
                                  likelihood, impact, severity, severity_rank, status, closure_reason, created_at,
                                  closed_at, version)
                select gen_random_uuid(), 'Benchmark risk ' || m.n, 'Seeded', case when m.n %% 6 = 0 then null
                       else (select ids[1 + m.n %% 5] from units) end, (select user_id from owner), 'Seeded',
                       current_date + ((m.n * 37) %% 730 - 365), m.l, m.i, c.severity, c.rank,
                       case when m.n %% 4 = 0 then 'closed' when m.n %% 9 = 0 then 'materialized' else 'anticipated'
                       end, case when m.n %% 4 = 0 then 'mitigated' end, now() - (m.n || ' minutes')::interval,
                       case when m.n %% 4 = 0 then now() end, 0
                from made m join cells c on c.l = m.l and c.i = m.i""".formatted(cells))) {
            insert.setInt(1, count);
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into risk_history (risk_id, at, version, business_unit_id, severity, open, status)
                    select id, created_at, 0, business_unit_id, severity, status <> 'closed', status from risk""");
            statement.execute("vacuum analyze risk");
            statement.execute("vacuum analyze risk_history");
        }
    }

    private static long[] time(String url, String token, int requests) throws Exception {
        long[] nanos = new long[requests];
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        return nanos;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private void say(String message) throws java.io.IOException {
        BenchLog.say(results.resolve("bench.log"), message);
    }
}
