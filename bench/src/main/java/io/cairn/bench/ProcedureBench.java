package io.cairn.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The security procedures benchmark (issue 14, "Speed": with 100,000 runs over three years, the auditor's evidence
 * export for one control and one year completes in under 5 s, and the list of open runs answers in under 50 ms at
 * p95): one real Cairn jar on its own PostgreSQL in a fresh directory; 100,000 runs of the five shipped procedures
 * written straight into {@code isms_procedure_run} and {@code isms_run_step} as Cairn keeps them (each with its copy of
 * the type's definition and a row per step with the step's controls), started evenly over the three years before now:
 * most completed within a day or two, 4 % completed late (a week after the start, two days after their due time), 1 %
 * cancelled, 1 % rejected, 1 % left open long past their due time (missed), the last ten days' runs still open; a
 * tenth of the completed runs skipped their optional steps. Then, as an auditor, the evidence of control 5.18 (access
 * rights) for the last full year as JSON and as CSV, each timed to its last byte; and, as a coordinator, the first page
 * of {@code GET /api/v1/procedure-runs?state=open} from four concurrent readers. The figures go into
 * {@code BENCHMARKS.md} between the {@code bench:procedures} markers with the machine. Runs on its own with
 * {@code bench/run -Dbench.only=procedures}, and after the other benchmarks of {@code bench/run}.
 *
 * <p>Settings (system properties): {@code bench.runs} (100,000), {@code bench.exports} (3 of each form, after one not
 * counted), {@code bench.openRequests} (250 per reader, after 100 not counted), {@code bench.openReaders} (4),
 * {@code bench.serverJvm}, {@code bench.output} (BENCHMARKS.md).
 */
public final class ProcedureBench {

    static final String BEGIN = "<!-- bench:procedures:begin (written by bench/run; edits here are overwritten) -->";
    static final String END = "<!-- bench:procedures:end -->";
    static final String CONTROL = "5.18";

    private static final HttpClient http = HttpClient.newHttpClient();

    private final Path root = Path.of("").toAbsolutePath();
    private final Path results;
    private final Path jar = root.resolve("target/cairn.jar");
    private final List<String> jvm = BenchmarkRun.serverJvm();

    ProcedureBench(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        new ProcedureBench(Path.of("bench/results").toAbsolutePath().resolve("procedures-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).run();
    }

    void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("security procedures benchmark; results in " + results + "; server JVM flags " + jvm);
        Machine machine = Machine.describe();
        int count = Integer.getInteger("bench.runs", 100_000);
        List<String> rows = new ArrayList<>();
        String postgres;
        String load;
        try (BenchDatabase database = BenchDatabase.start(results.resolve("pgdata"), false);
                CairnServer server = CairnServer.start(jar, jvm, database.serverEnvironment(), List.of(),
                        results.resolve("server.log"))) {
            say("Cairn healthy after " + server.startup().toMillis() + " ms");
            postgres = database.version();
            String auditor;
            String coordinator;
            String facts;
            try (Connection connection = database.connect()) {
                String prefix = "bench.proc." + UUID.randomUUID().toString().substring(0, 8);
                List<UUID> teams = List.of(Accounts.firstTeam(connection));
                auditor = Accounts.create(connection, prefix + ".auditor", 1, teams, List.of("AUDITOR")).get(0).token();
                coordinator = Accounts.create(connection, prefix + ".coordinator", 1, teams, List.of("COORDINATOR"))
                        .get(0).token();
                Accounts.create(connection, prefix + ".staff", 4, teams, List.of("REPORTER"));
                long started = System.nanoTime();
                seed(connection, count, prefix + ".staff.%");
                say(String.format("seeded %,d runs in %.1f s", count, (System.nanoTime() - started) / 1e9));
                facts = facts(connection);
                say(facts);
            }
            load = MarkedSection.loadAverage();
            LocalDate firstOfYear = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1);
            String query = "?control=" + CONTROL + "&from=" + firstOfYear.minusYears(1) + "&to="
                    + firstOfYear.minusDays(1);
            int exports = Integer.getInteger("bench.exports", 3);
            for (String[] form : new String[][] {{"JSON", "/api/v1/control-evidence"},
                    {"CSV", "/api/v1/control-evidence.csv"}}) {
                String url = server.baseUrl() + form[1] + query;
                long[] bytes = {0};
                download(url, auditor, bytes);
                long[] nanos = new long[exports];
                for (int i = 0; i < exports; i++) {
                    long begin = System.nanoTime();
                    download(url, auditor, bytes);
                    nanos[i] = System.nanoTime() - begin;
                }
                Arrays.sort(nanos);
                double slowest = nanos[nanos.length - 1] / 1e9;
                rows.add(MarkedSection.row(String.format("evidence of control %s for %s as %s (%,d bytes)", CONTROL,
                                firstOfYear.minusYears(1).getYear(), form[0], bytes[0]),
                        "fastest / median / slowest of " + exports + " (one at a time, to the last byte)", "< 5 s",
                        String.format("%.2f / %.2f / %.2f s", nanos[0] / 1e9, nanos[nanos.length / 2] / 1e9, slowest),
                        slowest < 5));
                say(rows.get(rows.size() - 1));
            }
            rows.add(openRuns(server.baseUrl() + "/api/v1/procedure-runs?state=open", coordinator, 1));
            say(rows.get(rows.size() - 1));
            rows.add(openRuns(server.baseUrl() + "/api/v1/procedure-runs?state=open", coordinator,
                    Integer.getInteger("bench.openReaders", 4)));
            say(rows.get(rows.size() - 1));
            try (Connection connection = database.connect()) {
                plan(connection);
            }
        }
        StringBuilder md = new StringBuilder(MarkedSection.header(MarkedSection.command("procedures"), results,
                machine, postgres, "server JVM flags", jvm));
        rows.forEach(row -> md.append(row).append('\n'));
        md.append("\nThe runs: ").append(facts(results)).append("\n\nLoad average before the requests: ").append(load)
                .append(" (the machine's two cores were shared with other work, so the figures are an upper bound).\n");
        say("procedure figures written to " + MarkedSection.write(BEGIN, END, md.toString(),
                "### Security procedures figures"));
    }

    private String facts(Path results) throws java.io.IOException {
        return Files.readString(results.resolve("facts.txt")).trim();
    }

    /** What the seeded runs hold, as one line, also kept in {@code facts.txt}. */
    private String facts(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select count(*), count(*) filter (where state = 'open'),
                            count(*) filter (where state = 'open' and due_at < now()),
                            (select count(*) from isms_run_step),
                            (select count(*) from isms_step_attachment),
                            count(*) filter (where exists (select 1 from isms_run_step s where s.run_id = r.id
                                and s.controls @> '["%s"]'::jsonb) and started_at >= date_trunc('year', now())
                                - interval '1 year' and started_at < date_trunc('year', now()))
                        from isms_procedure_run r""".formatted(CONTROL))) {
            row.next();
            String facts = String.format("%,d runs (%,d open, %,d of them past their due time) with %,d steps and "
                    + "%,d attachments; %,d runs of last year evidence control %s.", row.getLong(1), row.getLong(2),
                    row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), CONTROL);
            Files.writeString(results.resolve("facts.txt"), facts + "\n");
            return facts;
        }
    }

    /**
     * Writes the runs of the shipped procedure types in turn, the newest first, evenly over three years, with their
     * steps; requester and owner are two of the staff (never the same), and approvals are decided by the owner.
     */
    private static void seed(Connection connection, int count, String staff) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                with types as (select id, definition, row_number() over (order by type_key) - 1 as i
                               from isms_procedure_type where not retired),
                     staff as (select array_agg(id order by username) as ids from app_user where username like ?),
                     made as (select n, now() - (interval '1095 days') * n / ? as started,
                                  case when n * 1095 / ? < 10 then 'open'
                                       when n % 100 = 0 then 'cancelled' when n % 100 = 1 then 'rejected'
                                       when n % 100 = 2 then 'open' else 'completed' end as state
                              from generate_series(1, ?) n)
                insert into isms_procedure_run (id, number, type_id, definition, form_values, requested_by, owner_id,
                    phase, state, started_at, due_at, closed_at, closed_by, close_reason, version)
                select gen_random_uuid(), m.n, t.id, t.definition, '{}'::jsonb, s.ids[1 + m.n % 4],
                    s.ids[1 + (m.n + 1) % 4],
                    case when m.state = 'open' then t.definition->'phases'->0->>'key' end, m.state, m.started,
                    m.started + interval '5 days',
                    case when m.state = 'open' then null
                         when m.n % 100 between 3 and 6 then m.started + interval '7 days'
                         else m.started + interval '1 day' + (m.n % 20) * interval '1 hour' end,
                    case when m.state <> 'open' then s.ids[1 + (m.n + 1) % 4] end,
                    case when m.state = 'cancelled' then 'Asked twice' when m.state = 'rejected' then 'Not needed'
                    end, 0
                from made m join types t on t.i = m.n % (select count(*) from types) cross join staff s""")) {
            insert.setString(1, staff);
            insert.setInt(2, count);
            insert.setInt(3, count);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("select setval('isms_run_number', (select max(number) from isms_procedure_run))");
            statement.executeUpdate("""
                    insert into isms_run_step (id, run_id, position, phase, title, description, kind, mandatory,
                        team_id, approver_id, fields, articles, controls, opened_at, due_at, state, note, closed_by,
                        closed_at, version)
                    select gen_random_uuid(), r.id, s.ord - 1, s.step->>'phase', s.step->>'title',
                        coalesce(s.step->>'description', ''), s.step->>'kind', (s.step->>'mandatory')::boolean, null,
                        null, '[]', '[]', coalesce(s.step->'controls', '[]'::jsonb), r.started_at,
                        r.started_at + interval '2 days', x.state,
                        case when x.state = 'skipped' then 'Not needed this time'
                             when x.state <> 'open' then 'Done as asked' end,
                        case when x.state <> 'open' then r.owner_id end,
                        case when x.state <> 'open' then r.closed_at - interval '1 hour' end, 0
                    from isms_procedure_run r
                    cross join lateral jsonb_array_elements(r.definition->'steps') with ordinality s(step, ord)
                    cross join lateral (select case
                        when r.state = 'completed' and s.step->>'kind' = 'approval' then 'approved'
                        when r.state = 'completed' and not (s.step->>'mandatory')::boolean and r.number % 10 = 0
                            then 'skipped'
                        when r.state = 'completed' then 'done'
                        when r.state = 'rejected' and s.step->>'kind' = 'approval' then 'rejected'
                        else 'open' end as state) x""");
            // each task done that evidences a control has its proof attached, as a team attaches it: a small file
            // with its SHA-256, so that the evidence reads each step's attachments too (-Dbench.attachments=false
            // seeds none, to compare)
            if (Boolean.parseBoolean(System.getProperty("bench.attachments", "true"))) {
                attach(statement);
            }
            // the runs were due long ago: mark their people as told, so that the overdue scan does not mail them all
            // while the reads are timed
            statement.executeUpdate("update isms_procedure_run set overdue_told_at = now() where state = 'open'");
            statement.executeUpdate("update isms_run_step set overdue_told_at = now() where state = 'open'");
            statement.execute("vacuum analyze isms_procedure_run");
            statement.execute("vacuum analyze isms_run_step");
        }
    }

    /** Attaches a small file, with its SHA-256, to every task done that evidences a control. */
    private static void attach(Statement statement) throws Exception {
        statement.executeUpdate("""
                insert into isms_step_attachment (id, step_id, run_id, file_name, media_type, sniffed_type, size,
                    sha256, description, attached_by, attached_at)
                select gen_random_uuid(), s.id, s.run_id, 'proof-' || r.number || '.txt', 'text/plain',
                    'text/plain', 45, encode(sha256(convert_to('proof of ' || s.id::text, 'UTF8')), 'hex'), null,
                    s.closed_by, s.closed_at - interval '5 minutes'
                from isms_run_step s join isms_procedure_run r on r.id = s.run_id
                where s.state = 'done' and s.kind = 'task' and s.controls <> '[]'::jsonb""");
        statement.executeUpdate("""
                insert into isms_step_attachment_file (attachment_id, content)
                select a.id, convert_to('proof of ' || a.step_id::text, 'UTF8') from isms_step_attachment a""");
        statement.execute("vacuum analyze isms_step_attachment");
    }

    /** Fetches the URL to its last byte, adding the bytes to {@code bytes[0]} the first time only. */
    private static void download(String url, String token, long[] bytes) throws Exception {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[65536];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
            }
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        if (bytes[0] == 0) {
            bytes[0] = read;
        }
    }

    /**
     * The plan of the list's SQL (as {@code RunQueries} sends it for the first page of open runs) with its timing and
     * buffers, in {@code open-runs-plan.txt}: where the time of a request goes inside PostgreSQL.
     */
    private void plan(Connection connection) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        explain (analyze, buffers)
                        select r.id, r.number, r.state, r.phase, r.owner_id, r.started_at, r.due_at, r.closed_at,
                            r.definition->>'name' as name, r.definition->'phases' as phases,
                            (select count(*) from isms_run_step s where s.run_id = r.id and s.state = 'open'
                                and s.opened_at is not null) as open_steps
                        from isms_procedure_run r where true and r.state = 'open'
                        order by r.due_at nulls last, r.number limit 50 offset 0""")) {
            while (row.next()) {
                plan.append(row.getString(1)).append('\n');
            }
        }
        Files.writeString(results.resolve("open-runs-plan.txt"), plan);
        say("plan of the open runs' SQL:\n" + plan);
    }

    private String openRuns(String url, String token, int readers) throws Exception {
        int requests = Integer.getInteger("bench.openRequests", 250) * (readers == 1 ? 2 : 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        time(request, 100);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<long[]>> timed = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            timed.add(pool.submit(() -> time(request, requests)));
        }
        long[] nanos = new long[readers * requests];
        for (int i = 0; i < readers; i++) {
            System.arraycopy(timed.get(i).get(), 0, nanos, i * requests, requests);
        }
        pool.shutdown();
        Arrays.sort(nanos);
        double p95 = millis(nanos, 0.95);
        return MarkedSection.row("open runs, GET /api/v1/procedure-runs?state=open, first page of 50",
                "p50 / p95 / p99 / max (" + (readers == 1 ? "one at a time, " + requests + " requests)"
                        : readers + " readers x " + requests + " requests)"), "p95 < 50 ms",
                String.format("%.1f / %.1f / %.1f / %.1f ms", millis(nanos, 0.5), p95, millis(nanos, 0.99),
                        nanos[nanos.length - 1] / 1e6), p95 < 50);
    }

    private static long[] time(HttpRequest request, int requests) throws Exception {
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + answer.statusCode());
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
