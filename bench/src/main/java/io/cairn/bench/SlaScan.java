package io.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLA scan over the seeded incidents: gives every incident its two SLA clocks as Cairn keeps them (the open ones
 * running, with due times spread over the coming week and a few already past; the others met), then asks the server
 * to scan, as its scheduler does every minute, and times each scan.
 *
 * <p>The clocks are written straight into {@code sla_clock} (one {@code INSERT ... SELECT} over {@code incident}),
 * like the incidents themselves, as a running system keeps them. An open incident's resolution clock runs, and so
 * does its response clock while it is new or in triage; the others are met. Half the running clocks have had their
 * warning (at 75 % of the target) and wait for their due time, the other half wait for their warning; the next moment
 * each must be looked at is spread evenly over the coming week, starting 15 minutes ago: the first scan finds the
 * warnings and breaches of a quarter of an hour in which no node scanned (a restart, say), records and notifies each.
 * The later scans find what came due in between.
 */
final class SlaScan {

    /** One scan as the server reported it, and the wall-clock time of the request. */
    record Scan(int warnings, int breaches, int escalations, long serverMillis, long requestMillis) {}

    /** The clocks seeded and the scans. */
    record Result(long clocks, long running, long dueAtFirstScan, List<Scan> scans) {}

    private static final Pattern FIELD = Pattern.compile("\"(warnings|breaches|escalations|millis)\"\\s*:\\s*(\\d+)");

    private SlaScan() {}

    static Result run(String baseUrl, BenchDatabase database, String adminToken, int scans) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into sla_clock (incident_id, kind, priority_level, target_ms, warn_ms, calendar_id, state,
                      consumed_us, running_since, started_at, due_at, warn_at, warned_at, met_at, next_check_at,
                      version)
                    select i.id, k.kind, i.priority, t.target_ms, t.target_ms * 3 / 4, null,
                           case when c.running then 'running' else 'met' end, 0,
                           case when c.running then i.reported_at end, i.reported_at,
                           case when not c.running then null
                                when c.warned then c.next_check else c.next_check + t.target_ms / 4 * interval '1 ms'
                           end,
                           case when not c.running then null
                                when c.warned then c.next_check - t.target_ms / 4 * interval '1 ms' else c.next_check
                           end,
                           case when c.running and c.warned then c.next_check - t.target_ms / 4 * interval '1 ms' end,
                           case when c.running then null else coalesce(i.closed_at, i.updated_at) end,
                           case when c.running then c.next_check end, 0
                    from incident i
                    cross join (values ('response'), ('resolution')) k(kind)
                    cross join lateral (select case i.priority when 1 then 3600000 when 2 then 14400000
                                               else 28800000 end * case k.kind when 'response' then 1 else 5 end
                                               as target_ms) t
                    cross join lateral (select i.status not in ('CLOSED', 'DISMISSED')
                                                 and (k.kind = 'resolution' or i.status in ('NEW', 'TRIAGE'))
                                                 as running,
                                               random() < 0.5 as warned,
                                               now() - interval '15 minutes'
                                                 + random() * interval '7 days' as next_check) c
                    on conflict (incident_id, kind) do nothing""");
            statement.execute("vacuum analyze sla_clock");
        }
        long clocks = count(database, "select count(*) from sla_clock");
        long running = count(database, "select count(*) from sla_clock where state = 'running'");
        long due = count(database, "select count(*) from sla_clock where next_check_at <= now()");
        HttpClient http = HttpClient.newHttpClient();
        List<Scan> results = new ArrayList<>();
        for (int i = 0; i < scans; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sla/scan"))
                    .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            long requestMillis = (System.nanoTime() - started) / 1_000_000;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("scan answered " + answer.statusCode() + ": " + answer.body());
            }
            long[] fields = new long[4];
            Matcher matcher = FIELD.matcher(answer.body());
            while (matcher.find()) {
                int index = List.of("warnings", "breaches", "escalations", "millis").indexOf(matcher.group(1));
                fields[index] = Long.parseLong(matcher.group(2));
            }
            results.add(new Scan((int) fields[0], (int) fields[1], (int) fields[2], fields[3], requestMillis));
            Thread.sleep(2_000);
        }
        return new Result(clocks, running, due, results);
    }

    private static long count(BenchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
