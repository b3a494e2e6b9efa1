package io.cairn.bench;

import java.net.CookieManager;
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
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting benchmark (issue 13, "Speed": with 1,000,000 incidents seeded over three years, every dashboard
 * answers in under 300 ms at p95, the metrics API in under 200 ms at p95 for a one-year period, and fitting the
 * forecasts of every category and business unit takes under 10 s): one real Cairn jar on its own PostgreSQL, the
 * incidents loaded with {@link Seed} (PostgreSQL COPY) and what the metrics read beyond them (SLA clocks, reviews with
 * root causes, corrective actions, regulatory obligations) derived with {@link SeedReporting}; then, as a coordinator
 * and one request at a time after a warm-up: {@code POST /api/v1/forecasts/fit} three times (wall clock), every metric
 * of {@code GET /api/v1/metrics} over the last year by month, each again for one business unit, one as CSV, and every
 * dashboard page through a signed-in session. The figures go into {@code BENCHMARKS.md} between the {@code
 * bench:reporting} markers with the machine. Runs on its own with {@code bench/run -Dbench.only=reporting}, and after
 * the other benchmarks of {@code bench/run} (unless {@code bench.skipReporting}).
 *
 * <p>Settings (system properties): {@code bench.reportingIncidents} (1,000,000), {@code bench.reportingRequests} (100
 * counted per row at most, after {@code bench.reportingWarmup}, 30, not counted), {@code bench.reportingRowSeconds}
 * (30: a row stops counting after this long, with at least 10 requests counted, so that a slow query does not make
 * the run last hours), {@code bench.reportingData} (a data directory kept between runs: seeded when empty, reused
 * after), {@code bench.serverJvm}, {@code bench.output} (BENCHMARKS.md).
 */
public final class ReportingBench {

    static final String BEGIN = "<!-- bench:reporting:begin (written by bench/run; edits here are overwritten) -->";
    static final String END = "<!-- bench:reporting:end -->";

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Path root = Path.of("").toAbsolutePath();
    private final Path results;
    private double rollupsBuilt;
    private final Path jar = root.resolve("target/cairn.jar");
    private final List<String> jvm = BenchmarkRun.serverJvm();
    private final int requests = Integer.getInteger("bench.reportingRequests", 100);
    private final int warmup = Integer.getInteger("bench.reportingWarmup", 30);
    private final long rowNanos = Integer.getInteger("bench.reportingRowSeconds", 30) * 1_000_000_000L;
    private final List<String> rows = new ArrayList<>();
    private String token = "";

    ReportingBench(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        new ReportingBench(Path.of("bench/results").toAbsolutePath().resolve("reporting-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).run();
    }

    void run() throws Exception {
        CairnServer.prepare(jar, results);
        say("reporting benchmark; results in " + results + "; server JVM flags " + jvm);
        Machine machine = Machine.describe();
        long count = Long.getLong("bench.reportingIncidents", 1_000_000);
        String command = MarkedSection.command("reporting");
        String reuse = System.getProperty("bench.reportingData");
        Path data = reuse == null ? results.resolve("pgdata") : Path.of(reuse).toAbsolutePath();
        boolean reusing = reuse != null && Files.exists(data.resolve("PG_VERSION"));
        if (reuse != null) {
            System.setProperty("bench.keepData", "true");
        }
        String postgres;
        String load;
        Map<String, String> coverage;
        try (BenchDatabase database = BenchDatabase.start(data, reusing);
                CairnServer server = CairnServer.start(jar, jvm, database.serverEnvironment(), List.of(),
                        results.resolve("server.log"))) {
            say("Cairn healthy after " + server.startup().toMillis() + " ms");
            postgres = database.version();
            String password = "bench-" + UUID.randomUUID();
            Context context;
            try (Connection connection = database.connect()) {
                seed(database, connection, count);
                coverage = SeedReporting.coverage(connection);
                say("seeded data: " + coverage);
                rollupsBuilt = awaitRollups(connection);
                context = account(connection, password);
            }
            signIn(server.baseUrl(), context.username(), password);
            load = MarkedSection.loadAverage();
            measure(server.baseUrl(), context);
        }
        write(command, machine, postgres, load, coverage, count);
    }

    /**
     * Waits until the server has built the metrics' daily roll-ups of every seeded day, as a server does after its
     * first start on existing incidents: the roll-ups' state is recorded and no dirty mark is left, for longer than the
     * builder's interval (its first pass may yet find the stored roll-ups of an older form and start over); the
     * seconds that took.
     */
    private double awaitRollups(Connection connection) throws Exception {
        long started = System.nanoTime();
        long deadline = started + java.time.Duration.ofMinutes(60).toNanos();
        long settledSince = 0;
        while (settledSince == 0 || System.nanoTime() - settledSince < java.time.Duration.ofSeconds(15).toNanos()) {
            boolean settled = single(connection, "select count(*) from reporting_rollup_state") > 0
                    && single(connection, "select count(*) from reporting_dirty") == 0;
            settledSince = settled ? (settledSince == 0 ? System.nanoTime() : settledSince) : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the roll-ups were not built within an hour");
            }
            Thread.sleep(500);
        }
        double seconds = (settledSince - started) / 1e9;
        say(String.format("roll-ups built %.1f s after seeding (%,d day rows)", seconds,
                single(connection, "select count(*) from reporting_day")));
        return seconds;
    }

    /** Who the benchmark is and what it asks about: the coordinator's name, a business unit and the largest team. */
    private record Context(String username, UUID businessUnit, UUID team) {}

    /** Seeds the incidents and what the metrics read with them, unless a reused directory holds them already. */
    private void seed(BenchDatabase database, Connection connection, long count) throws Exception {
        long present = single(connection, "select count(*) from incident");
        if (present >= count) {
            say(String.format("reusing %,d seeded incidents", present));
            if (single(connection, "select count(*) from compliance_submission") == 0
                    || single(connection, "select count(*) from incident_veris") == 0
                    || single(connection, "select count(*) from compliance_decision where jsonb_exists(inputs, "
                            + "'cost-staff-eur')") == 0) {
                SeedReporting.fill(connection);
            }
            return;
        }
        long started = System.nanoTime();
        Seed.Result result = Seed.seed(new Seed.Options(database.jdbcUrl(), database.user(), database.password(),
                count - present, 2, 42));
        say(String.format("seeded %,d incidents in %.1f s", result.incidents(), result.total().toMillis() / 1e3));
        SeedReporting.fill(connection);
        say(String.format("seeded the clocks, reviews and obligations; %.1f s in all",
                (System.nanoTime() - started) / 1e9));
    }

    /** A coordinator with a bearer token and a password to sign in with, and what the filtered rows ask about. */
    private Context account(Connection connection, String password) throws Exception {
        UUID team;
        UUID unit;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select team_id, business_unit_id from incident group by 1, 2 "
                        + "order by count(*) desc limit 1")) {
            row.next();
            team = row.getObject(1, UUID.class);
            unit = row.getObject(2, UUID.class);
        }
        Accounts.Client client = Accounts.create(connection, "bench.reporting." + UUID.randomUUID().toString()
                .substring(0, 8), 1, List.of(team), List.of("COORDINATOR")).get(0);
        try (var update = connection.prepareStatement("update app_user set password_hash = ? where id = ?")) {
            update.setString(1, "{noop}" + password);
            update.setObject(2, client.user());
            update.executeUpdate();
        }
        token = client.token();
        return new Context(client.username(), unit, team);
    }

    /** Signs in through the login page with its CSRF token; the session's cookie is kept for the pages. */
    private void signIn(String base, String username, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " to " + location);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The fit three times, every metric plain and for one business unit, a CSV, and the dashboards. */
    private void measure(String base, Context context) throws Exception {
        fit(base);
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        String period = "from=" + to.minusYears(1).plusDays(1) + "&to=" + to + "&period=month";
        List<String> metrics = metricNames(base);
        for (String metric : metrics) {
            api(base + "/api/v1/metrics/" + metric + "?" + period, "metric " + metric + ", one year by month");
        }
        for (String metric : metrics) {
            api(base + "/api/v1/metrics/" + metric + "?" + period + "&businessUnit=" + context.businessUnit(),
                    "metric " + metric + ", one year by month, one business unit");
        }
        for (String by : List.of("legal-entity", "asset", "service", "veris-action")) {
            api(base + "/api/v1/metrics/breakdown?" + period + "&by=" + by, "metric breakdown by " + by
                    + ", one year by month");
        }
        api(base + "/api/v1/metrics/volume.csv?" + period, "metric volume as CSV, one year by month");
        page(base + "/dashboards/coordinator", "dashboard: coordinator (last twelve months)");
        page(base + "/dashboards/team?team=" + context.team(), "dashboard: team, the largest team");
        page(base + "/dashboards/management", "dashboard: management summary");
        page(base + "/dashboards/forecasts", "dashboard: forecasts");
        page(base + "/dashboards/maturity", "dashboard: maturity (last twelve months)");
    }

    private List<String> metricNames(String base) throws Exception {
        String body = send(http, bearer(base + "/api/v1/metrics"), base + "/api/v1/metrics");
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("\"([a-z-]+)\"").matcher(body);
        while (name.find()) {
            names.add(name.group(1));
        }
        say("metrics: " + names);
        return names;
    }

    /** {@code POST /api/v1/forecasts/fit}, timed by the wall clock, three times. */
    private void fit(String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/forecasts/fit"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long[] nanos = new long[3];
        String answer = "";
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            answer = send(http, request, "fit");
            nanos[i] = System.nanoTime() - started;
        }
        say("fit: " + answer);
        Arrays.sort(nanos);
        rows.add(MarkedSection.row("forecasts: fit every category and business unit (" + answer.replaceAll(
                "[{}\"]", "").replace(",", ", ") + ")", "fastest / median / slowest of 3 fits (wall clock)",
                "< 10 s", String.format("%.2f / %.2f / %.2f s", nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9),
                nanos[2] < 10_000_000_000L));
        say(rows.get(rows.size() - 1));
    }

    private void api(String url, String label) throws Exception {
        timed(http, bearer(url), label, 200, url.contains(".csv"));
    }

    private void page(String url, String label) throws Exception {
        timed(browser, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(), label,
                300, false);
    }

    private HttpRequest bearer(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
    }

    /** One row: warm-up requests not counted, then up to the requests (or the row's time), one at a time. */
    private void timed(HttpClient client, HttpRequest request, String label, int target, boolean csv)
            throws Exception {
        long warmEnd = System.nanoTime() + rowNanos / 3;
        for (int i = 0; i < warmup && (i < 3 || System.nanoTime() < warmEnd); i++) {
            send(client, request, label);
        }
        long[] nanos = new long[requests];
        int n = 0;
        long end = System.nanoTime() + rowNanos;
        int bytes = 0;
        while (n < requests && (n < 10 || System.nanoTime() < end)) {
            long started = System.nanoTime();
            bytes = send(client, request, label).length();
            nanos[n++] = System.nanoTime() - started;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double p95 = millis(sorted, 0.95);
        rows.add(MarkedSection.row(label + (csv ? " (" + bytes + " characters)" : ""), "p50 / p95 / p99 / max ("
                + n + " requests, one at a time)", "p95 < " + target + " ms", String.format(
                "%.0f / %.0f / %.0f / %.0f ms", millis(sorted, 0.5), p95, millis(sorted, 0.99),
                sorted[n - 1] / 1e6), p95 < target));
        say(rows.get(rows.size() - 1));
    }

    private static String send(HttpClient client, HttpRequest request, String what) throws Exception {
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void write(String command, Machine machine, String postgres, String load, Map<String, String> coverage,
            long count) throws Exception {
        StringBuilder md = new StringBuilder(MarkedSection.header(command, results,
                machine, postgres, "server JVM flags", jvm));
        rows.forEach(row -> md.append(row).append('\n'));
        md.append("\nThe seeded data (").append(String.format("%,d", count)).append(" incidents over three years; "
                + "share of the incidents with a value in each column the metrics read, and the rows derived from "
                + "them):\n\n| column or table | |\n| --- | --- |\n");
        coverage.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append(rollupsBuilt < 1
                ? "\nThe daily roll-ups of every seeded day were already built (kept with the reused data; a first "
                        + "start on existing incidents builds them all, and afterwards only changed days are "
                        + "rebuilt).\n"
                : String.format("\nThe server had built the daily roll-ups of every seeded day %.0f s after the "
                        + "seeding ended (a first start on existing incidents builds them all; afterwards only "
                        + "changed days are rebuilt).%n", rollupsBuilt));
        md.append("\nLoad average before the requests: ").append(load).append(" (the machine's two cores were "
                + "shared with other work, such as the lead's compiles and tests, so the figures are an upper "
                + "bound).\n");
        say("reporting figures written to " + MarkedSection.write(BEGIN, END, md.toString(),
                "### Reporting figures"));
    }

    private void say(String message) throws java.io.IOException {
        BenchLog.say(results.resolve("bench.log"), message);
    }
}
