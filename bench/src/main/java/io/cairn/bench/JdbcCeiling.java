package io.cairn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The ceiling for creating incidents: the same rows the API writes, written with plain JDBC by the same number of
 * threads, each with its own connection and one transaction per incident. Per incident, in this order, exactly the
 * statements Cairn issues after authenticating the request and checking the team: the insert of all 33 incident
 * columns, which takes the number from {@code incident_number_seq} and returns it, with the first timeline entry in
 * the same statement; the incident's two SLA clocks (response and resolution, with the targets of the shipped policy for
 * its priority, measured around the clock) in one statement; its entry in the recurrence-detection queue; the audit
 * append, which locks the {@code audit_head} row ({@code for update}), inserts the record chained to the head's hash
 * and moves the head, in one statement; commit. The incident's snapshot digest is computed as Cairn computes it, and
 * PostgreSQL computes the chain hash as it does for Cairn. What it leaves out is everything above the database:
 * HTTP, JSON, token lookup, validation, the team check, the SLA and routing rules, Spring's transaction and event
 * machinery.
 */
final class JdbcCeiling {

    record Result(long incidents, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return incidents / seconds;
        }
    }

    /** Cairn's NewIncidentsImpl: the incident and the first entry of its timeline, in one statement. */
    private static final String INSERT_INCIDENT = """
            with reported as (
              insert into incident (id, number, title, description, category_class, category_type, determination,
                                    severity, impact, urgency, priority, tlp, pap, reporter_id, owner_id, team_id,
                                    business_unit_id, confidential, status, resolution, dismissal_reason, merged_into,
                                    occurred_at, detected_at, reported_at, acknowledged_at, contained_at, recovered_at,
                                    closed_at, updated_at, asset_id, template, version)
              values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              returning id, number),
            first_entry as (
              insert into incident_timeline (incident_id, at, actor_id, actor_name, kind, details, note)
              select id, ?, ?, ?, 'reported', '{"status": "new"}'::jsonb, null from reported)
            select number from reported""";
    /** Cairn's SlaClocks: both clocks of a new incident, running, in one statement. */
    private static final String INSERT_CLOCKS = "insert into sla_clock (incident_id, kind, priority_level, target_ms, "
            + "warn_ms, calendar_id, state, consumed_us, running_since, started_at, due_at, warn_at, warned_at, "
            + "breached_at, met_at, escalation_level_id, escalate_at, escalations, notified, acknowledged_at, "
            + "acknowledged_by, next_check_at, version) values "
            + "(?, 'response', ?, ?, ?, null, 'running', 0, ?, ?, ?, ?, null, null, null, null, null, 0, ?, null, "
            + "null, ?, 0), "
            + "(?, 'resolution', ?, ?, ?, null, 'running', 0, ?, ?, ?, ?, null, null, null, null, null, 0, ?, null, "
            + "null, ?, 0) on conflict (incident_id, kind) do nothing";
    /** Response and resolution targets of the shipped SLA policies, in hours, by priority level 1 to 4. */
    private static final long[][] TARGET_HOURS = {{1, 8}, {4, 24}, {8, 40}, {16, 80}};
    private static final String QUEUE_RECURRENCE_CHECK = "insert into recurrence_check (incident_id, queued_at) "
            + "values (?, ?) on conflict do nothing";
    /** Cairn's AuditTrail: lock the head, append the chained record, move the head, in one statement. */
    private static final String APPEND = """
            with head as (select seq, hash from audit_head where id = 1 for update),
            appended as (
              insert into audit_record (seq, at, actor_id, actor_name, action, object_type, object_id,
                                        before_digest, after_digest, previous_hash, hash)
              select seq + 1, ?, ?, ?, ?, ?, ?, ?, ?, hash,
                     encode(sha256(convert_to(hash || ?, 'UTF8')), 'hex')
              from head
              returning seq, hash)
            update audit_head set seq = appended.seq, hash = appended.hash from appended where audit_head.id = 1""";

    private JdbcCeiling() {}

    static Result run(BenchDatabase database, List<Accounts.Client> clients, int threads, long seconds,
            long maxIncidents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong issued = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        List<Future<Histogram>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Accounts.Client client = clients.get(t % clients.size());
            long seed = 1000 + t;
            Callable<Histogram> worker = () -> work(database, client, seed, issued, deadline, maxIncidents);
            workers.add(pool.submit(worker));
        }
        Histogram all = new Histogram(3);
        for (Future<Histogram> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result(all.getTotalCount(), elapsed, all);
    }

    private static Histogram work(BenchDatabase database, Accounts.Client client, long seed, AtomicLong issued,
            long deadline, long maxIncidents) throws SQLException {
        Histogram latency = new Histogram(3);
        SplittableRandom random = new SplittableRandom(seed);
        String actorId = client.user().toString();
        try (Connection connection = database.connect();
                PreparedStatement incident = connection.prepareStatement(INSERT_INCIDENT);
                PreparedStatement clocks = connection.prepareStatement(INSERT_CLOCKS);
                PreparedStatement queue = connection.prepareStatement(QUEUE_RECURRENCE_CHECK);
                PreparedStatement append = connection.prepareStatement(APPEND)) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxIncidents) {
                long begin = System.nanoTime();
                Object[] category = Seed.CATEGORIES[random.nextInt(Seed.CATEGORIES.length)];
                String title = Vocabulary.title((String) category[0], (String) category[1], random);
                String description = Vocabulary.description((String) category[0], (String) category[1], random);
                int impact = 1 + random.nextInt(3);
                int urgency = 1 + random.nextInt(3);
                Instant now = Instant.now();
                UUID id = UUID.randomUUID();
                Timestamp at = Timestamp.from(now);
                int priority = Seed.MATRIX[impact - 1][urgency - 1];
                Object[] values = {id, title, description, category[0], category[1], "SUSPECTED", "MEDIUM",
                    impact, urgency, priority, "AMBER", "AMBER", client.user(), null,
                    client.team(), null, false, "NEW", null, null, null, null, null, at, null, null, null, null, at,
                    null, null, 0L, at, actorId, client.username()};
                for (int i = 0; i < values.length; i++) {
                    incident.setObject(i + 1, values[i]);
                }
                long number;
                try (ResultSet row = incident.executeQuery()) {
                    row.next();
                    number = row.getLong(1);
                }
                String snapshot = "incident{id=" + id + ",number=" + number + ",title=" + title + ",description="
                        + description + ",category=" + category[0] + "/" + category[1] + ",status=NEW,reported="
                        + now + ",updated=" + now + "}";
                String after = sha256Hex(snapshot);
                int column = 1;
                for (long hours : TARGET_HOURS[priority - 1]) {
                    long targetMs = hours * 3_600_000;
                    long warnMs = targetMs * 3 / 4;
                    Timestamp warnAt = Timestamp.from(now.plusMillis(warnMs));
                    for (Object value : new Object[] {id, priority, targetMs, warnMs, at, at,
                        Timestamp.from(now.plusMillis(targetMs)), warnAt, new UUID[0], warnAt}) {
                        clocks.setObject(column++, value);
                    }
                }
                clocks.executeUpdate();
                queue.setObject(1, id);
                queue.setTimestamp(2, at);
                queue.executeUpdate();
                Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
                String content = "\n" + String.join("\n", stamp.toString(), actorId, client.username(),
                        "incident.reported", "incident", id.toString(), "", after);
                Object[] record = {Timestamp.from(stamp), actorId, client.username(), "incident.reported",
                    "incident", id.toString(), null, after, content};
                for (int i = 0; i < record.length; i++) {
                    append.setObject(i + 1, record[i]);
                }
                append.executeUpdate();
                connection.commit();
                latency.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
            }
        }
        return latency;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Accounts.sha256(text));
    }
}
