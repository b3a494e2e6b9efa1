package io.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The deadline overview over 100,000 open obligations (issue 12, item 9: p95 under 100 ms): one real GDPR obligation
 * made through the API (a legal entity, a business unit, an incident of it with awareness, a personal-data breach and
 * a risk), whose kept regime the others copy, written straight into the compliance tables for that many seeded
 * incidents as the obligation keeper keeps them (the stage to the supervisory authority required, its due time spread
 * from five days ago to twenty days ahead); then the first page of {@code GET /api/v1/compliance/deadlines} as a
 * coordinator, all open, only the overdue ones and only those due soon, after a warm-up, one request at a time.
 */
final class DeadlineOverviewLoad {

    /** Percentiles of one kind of request, in milliseconds. */
    record Stats(String query, int count, double p50, double p95, double p99, double max) {}

    /** The obligations seeded and the figures of each query: all open, the overdue, those due soon. */
    record Result(long obligations, long openStages, List<Stats> queries) {}

    private static final HttpClient http = HttpClient.newHttpClient();

    private DeadlineOverviewLoad() {}

    static Result run(String baseUrl, BenchDatabase database, String admin, String coordinator, int count,
            int requests) throws Exception {
        // a real obligation made through the API, whose kept regime the copies share
        String obligation = Breach.make(baseUrl, admin, coordinator, null, "risk").obligation();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into compliance_obligation (id, incident_id, legal_entity, regime, regime_version, rules,
                      authority, created_at, version)
                    select gen_random_uuid(), i.id, o.legal_entity, o.regime, o.regime_version, o.rules, o.authority,
                           now(), 0
                    from (select id from incident order by id limit ?) i
                    cross join (select * from compliance_obligation where id = ?::uuid) o
                    on conflict do nothing""")) {
                insert.setInt(1, count);
                insert.setString(2, obligation);
                insert.executeUpdate();
            }
            statement.executeUpdate("""
                    insert into compliance_obligation_stage (obligation_id, stage, required, ever_required, due_at,
                      internal_target, opened_at, clock_start)
                    select d.id, 'supervisory-authority', true, true, d.due, false, d.due - interval '72 hours',
                           d.due - interval '72 hours'
                    from (select id, now() + (random() * 25 - 5) * interval '1 day' as due
                          from compliance_obligation) d
                    on conflict do nothing""");
            statement.execute("vacuum analyze compliance_obligation");
            statement.execute("vacuum analyze compliance_obligation_stage");
        }
        long obligations = count(database, "select count(*) from compliance_obligation");
        long open = count(database,
                "select count(*) from compliance_obligation_stage where required and submitted_at is null");
        // a lateral subquery that does not refer to its row is evaluated once: every stage had one due instant
        long spread = count(database, "select count(distinct due_at) from compliance_obligation_stage");
        if (spread < open / 2) {
            throw new IllegalStateException("the open stages share " + spread + " due instants: not spread");
        }
        String path = baseUrl + "/api/v1/compliance/deadlines";
        time(path, coordinator, requests / 2);
        return new Result(obligations, open, List.of(stats("first page, all open", time(path, coordinator, requests)),
                stats("first page, overdue", time(path + "?state=overdue", coordinator, requests)),
                stats("first page, due soon", time(path + "?state=due-soon", coordinator, requests))));
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

    private static Stats stats(String query, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(query, sorted.length, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long count(BenchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
