package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Figure 4, publish to stored at the fifth hop through four relays: five real Cairn instances in a line, hop 1 → hop 2
 * → … → hop 5, each the customer of the one before. Each pair registers each other through their admin APIs (keys
 * fetched from each other's key set), the customer's admin subscribes at its provider ({@code POST
 * /api/v1/federation/upstream-subscriptions}, everything), and the provider's admin gives that subscription a
 * publication rule ({@code PUT /api/v1/federation/subscriptions/{id}/rule}): at hop 1 every incident of every
 * severity, confirmed or not; at hops 2 to 4 the same with {@code relayReceived}, so each received CLEAR or GREEN
 * incident is relayed to the next hop as soon as it is applied. Push-on-commit is on, as by default.
 *
 * <p>A handler at hop 1 reports GREEN incidents ({@code POST /api/v1/incidents}) one after the other at a steady rate
 * (one every {@code interval}, each request sent on time even when an earlier one has not been answered yet), each
 * with a title of its own. The benchmark polls hop 5's database every {@code poll} for new rows of
 * {@code federation_received_incident} (by {@code received_at}, then the title of the rows not seen before in the
 * snapshot), and an incident's time is from sending its report request to the poll that first sees its copy at hop
 * 5. A warm-up of the same kind comes first. Afterwards every hop must hold each incident once, as one received
 * incident and one received message; the {@code received_at} of the copies at hops 2 to 5 says how long each hop
 * took, and the outbox rows' {@code created_at} when each hop had queued its message for the next.
 */
final class Chain {

    static final int HOPS = 5;

    /**
     * One rate's measurement: the incidents sent and timed at hop 5, p50 / p95 / max of the time to hop 5, the report
     * request's own p50, the mean and p95 time from each hop to the next (from the report request to hop 2, then
     * between the copies' {@code received_at}), what the hops hold, where the time of each hop goes on average (to
     * its outbox, then to the next hop's applying), and where the CPU went.
     */
    record Step(Duration interval, int sent, int arrived, long p50, long p95, long max, long reportP50,
            List<Long> hopMeans, List<Long> hopP95s, List<Holding> holdings, String stages, String cpu) {

        /** Whether every incident reached hop 5 and each hop holds each once. */
        boolean exact() {
            return arrived == sent && holdings.stream().allMatch(h -> h.incidents() == sent && h.messages() == sent);
        }
    }

    /** What one hop holds of a step's incidents: received incidents, received messages, of them pulled. */
    record Holding(long incidents, long messages, long pulled) {}

    private Chain() {}

    /** Registers the hops with each other, subscribes each customer and sets the rules; hop 1 first. */
    static void connect(List<FederationInstance> hops, Consumer<String> say) throws Exception {
        for (int k = 1; k < hops.size(); k++) {
            FederationInstance provider = hops.get(k - 1);
            FederationInstance customer = hops.get(k);
            provider.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Customer " + customer.name
                    + "\",\"baseUrl\":\"" + customer.baseUrl() + "\",\"role\":\"customer\"}", 201);
            String upstream = (String) customer.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Provider "
                    + provider.name + "\",\"baseUrl\":\"" + provider.baseUrl() + "\",\"role\":\"provider\"}", 201)
                    .json().get("id");
            String subscription = (String) customer.admin("POST", "/api/v1/federation/upstream-subscriptions",
                    "{\"provider\":\"" + upstream + "\",\"services\":[],\"categories\":[]}", 201).json().get("id");
            // hop 1 publishes what its handler reports; hops 2 to 4 relay what they receive
            boolean relay = k > 1;
            String listed = provider.admin("GET", "/api/v1/federation/subscriptions", null, 200).body();
            Number version = ((List<?>) Jose.parse("{\"subscriptions\":" + listed + "}").get("subscriptions"))
                    .stream().map(s -> (Map<?, ?>) s).filter(s -> subscription.equals(s.get("id")))
                    .map(s -> (Number) s.get("version")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("subscription " + subscription + " not listed at "
                            + provider.name + ": " + listed));
            provider.admin("PUT", "/api/v1/federation/subscriptions/" + subscription + "/rule", "{\"rule\":{"
                    + "\"confirmedOnly\":false,\"minSeverity\":null,\"services\":[],\"relayReceived\":" + relay
                    + "},\"version\":" + version.longValue() + "}", 200);
        }
        say.accept("chain: " + hops.size() + " hops registered, subscribed and given their rules");
    }

    /**
     * Reports {@code count} incidents at hop 1, one every {@code interval}, and times each to its copy at hop 5;
     * {@code label} makes the titles of this step its own. Waits for the last copy at most {@code limit}.
     */
    static Step measure(List<FederationInstance> hops, String label, int count, Duration interval, Duration poll,
            Duration limit, CpuMeter meter, Consumer<String> say, Path csv) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String prefix = "Leaked storage access key, chain " + label + " " + run + " #";
        List<String> titles = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < count; i++) {
            titles.add(prefix + String.format("%04d", i));
            index.put(titles.get(i), i);
        }
        long[] sent = new long[count];
        Instant[] sentAt = new Instant[count];
        long[] answered = new long[count];
        AtomicLongArray arrived = new AtomicLongArray(count);
        FederationInstance first = hops.get(0);
        FederationInstance last = hops.get(hops.size() - 1);
        ExecutorService reporters = Executors.newFixedThreadPool(8);
        AtomicBoolean polling = new AtomicBoolean(true);
        int[] duplicates = new int[1];
        AtomicReference<Exception> pollFailure = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                pollArrivals(last, index, arrived, duplicates, poll, polling);
            } catch (Exception e) {
                pollFailure.set(e);
            }
        }, "chain-poll");
        double selfBefore = CpuMeter.processTicks(ProcessHandle.current().pid());
        meter.start();
        poller.start();
        List<Future<?>> reports = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + i * interval.toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                reports.add(reporters.submit(() -> {
                    sentAt[n] = Instant.now();
                    sent[n] = System.nanoTime();
                    first.report(titles.get(n));
                    answered[n] = System.nanoTime();
                    return null;
                }));
            }
            for (Future<?> report : reports) {
                report.get();
            }
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && !all(arrived) && pollFailure.get() == null) {
                Thread.sleep(20);
            }
        } finally {
            polling.set(false);
            poller.join();
            reporters.shutdown();
        }
        if (pollFailure.get() != null) {
            throw new IllegalStateException("polling " + last.name + " failed", pollFailure.get());
        }
        String cpu = meter.stop().describe(Runtime.getRuntime().availableProcessors(), "the benchmark (reporting, "
                + "polling)", (CpuMeter.processTicks(ProcessHandle.current().pid()) - selfBefore) / 100.0);
        Histogram total = new Histogram(3_600_000L, 3);
        Histogram report = new Histogram(3_600_000L, 3);
        int timed = 0;
        for (int i = 0; i < count; i++) {
            report.recordValue(Math.max(0, (answered[i] - sent[i]) / 1_000_000));
            if (arrived.get(i) != 0) {
                total.recordValue(Math.max(0, (arrived.get(i) - sent[i]) / 1_000_000));
                timed++;
            }
        }
        // when each hop stored its copy (hop 1: when the report request was sent), queued its message for the next
        // hop (the outbox row, written in the transaction that applied or reported the incident), and had it
        // acknowledged
        Instant[][] stored = new Instant[hops.size()][];
        Instant[][] queued = new Instant[hops.size() - 1][];
        stored[0] = sentAt;
        for (int k = 0; k < hops.size(); k++) {
            if (k > 0) {
                stored[k] = byTitle(hops.get(k), titles, "select snapshot->>'title', received_at from "
                        + "federation_received_incident where starts_with(snapshot->>'title', ?)", prefix);
            }
            if (k < hops.size() - 1) {
                queued[k] = byTitle(hops.get(k), titles, "select i.title, o.created_at from federation_outbox o "
                        + "join incident i on i.id = o.incident_id where starts_with(i.title, ?)", prefix);
            }
        }
        List<Long> hopMeans = new ArrayList<>();
        List<Long> hopP95s = new ArrayList<>();
        List<Holding> holdings = new ArrayList<>();
        StringBuilder stages = new StringBuilder();
        for (int k = 1; k < hops.size(); k++) {
            Histogram hop = between(stored[k - 1], stored[k]);
            hopMeans.add(Math.round(hop.getMean()));
            hopP95s.add(hop.getValueAtPercentile(95));
            holdings.add(holding(hops.get(k), prefix));
            stages.append(String.format("%shop %d: %.0f ms to queue, %.0f ms from queued to hop %d applying",
                    k == 1 ? "" : "; ", k, between(stored[k - 1], queued[k - 1]).getMean(),
                    between(queued[k - 1], stored[k]).getMean(), k + 1));
        }
        Instant[] seen = new Instant[count];
        for (int i = 0; i < count; i++) {
            seen[i] = arrived.get(i) == 0 ? null : sentAt[i].plusNanos(arrived.get(i) - sent[i]);
        }
        stages.append(String.format("; hop %d: %.0f ms from applying to seen by the poll", hops.size(),
                between(stored[hops.size() - 1], seen).getMean()));
        writeTimes(csv, titles, stored, queued, seen);
        Step step = new Step(interval, count, timed, total.getValueAtPercentile(50),
                total.getValueAtPercentile(95), total.getMaxValue(), report.getValueAtPercentile(50), hopMeans,
                hopP95s, holdings, stages.toString(), cpu);
        say.accept(String.format("chain %s: every %d ms, %d sent, %d at hop %d (%d seen twice by the poll); "
                + "p50 %d ms, p95 %d ms, max %d ms; report request p50 %d ms; mean per hop %s ms, p95 per hop %s "
                + "ms; held (incidents/messages/pulled) %s; means: %s; %s", label, interval.toMillis(), count, timed,
                hops.size(), duplicates[0], step.p50(), step.p95(), step.max(), step.reportP50(), hopMeans, hopP95s,
                holdings, stages, cpu));
        return step;
    }

    /**
     * Polls the last hop until {@code polling} is cleared: rows of {@code federation_received_incident} received
     * lately (a minute's margin for transactions that commit late) whose exchange id was not seen yet, then their
     * titles; an incident's arrival is the moment the poll first saw its copy.
     */
    private static boolean all(AtomicLongArray arrived) {
        for (int i = 0; i < arrived.length(); i++) {
            if (arrived.get(i) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void pollArrivals(FederationInstance last, Map<String, Integer> index, AtomicLongArray arrived,
            int[] duplicates, Duration poll, AtomicBoolean polling) throws Exception {
        Set<UUID> seen = new HashSet<>();
        Instant watermark = Instant.now().minusSeconds(60);
        try (Connection connection = last.connect();
                PreparedStatement recent = connection.prepareStatement("select exchange_id, received_at from "
                        + "federation_received_incident where received_at > ?");
                PreparedStatement named = connection.prepareStatement("select snapshot->>'title' from "
                        + "federation_received_incident where exchange_id = any(?)")) {
            while (polling.get()) {
                recent.setTimestamp(1, Timestamp.from(watermark));
                List<UUID> fresh = new ArrayList<>();
                Instant latest = watermark;
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        UUID exchange = rows.getObject(1, UUID.class);
                        Instant at = rows.getTimestamp(2).toInstant();
                        latest = at.isAfter(latest) ? at : latest;
                        if (seen.add(exchange)) {
                            fresh.add(exchange);
                        }
                    }
                }
                if (!fresh.isEmpty()) {
                    long now = System.nanoTime();
                    Array ids = connection.createArrayOf("uuid", fresh.toArray());
                    named.setArray(1, ids);
                    try (ResultSet rows = named.executeQuery()) {
                        while (rows.next()) {
                            Integer i = index.get(rows.getString(1));
                            if (i != null && !arrived.compareAndSet(i, 0, now)) {
                                duplicates[0]++;
                            }
                        }
                    }
                }
                watermark = latest.minusSeconds(60);
                Thread.sleep(poll.toMillis());
            }
        }
    }

    /**
     * Writes each incident's instants, for looking at single incidents: the report request sent, then per hop its
     * message queued for the next hop and the next hop's copy stored, then the poll's seeing it at the last hop.
     */
    private static void writeTimes(Path csv, List<String> titles, Instant[][] stored, Instant[][] queued,
            Instant[] seen) throws java.io.IOException {
        StringBuilder out = new StringBuilder("title,sent");
        for (int k = 0; k < queued.length; k++) {
            out.append(",queued_hop").append(k + 1).append(",stored_hop").append(k + 2);
        }
        out.append(",seen\n");
        for (int i = 0; i < titles.size(); i++) {
            out.append('"').append(titles.get(i)).append("\",").append(stored[0][i]);
            for (int k = 0; k < queued.length; k++) {
                out.append(',').append(queued[k][i]).append(',').append(stored[k + 1][i]);
            }
            out.append(',').append(seen[i]).append('\n');
        }
        Files.writeString(csv, out);
    }

    /** The instant the query gives for each title starting with the prefix, in the order of the titles. */
    private static Instant[] byTitle(FederationInstance hop, List<String> titles, String sql, String prefix)
            throws Exception {
        Map<String, Instant> found = new HashMap<>();
        try (Connection connection = hop.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, prefix);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return titles.stream().map(found::get).toArray(Instant[]::new);
    }

    /** The times from each {@code from} to its {@code to}, in ms, where both are known. */
    private static Histogram between(Instant[] from, Instant[] to) {
        Histogram times = new Histogram(3_600_000L, 3);
        for (int i = 0; i < from.length; i++) {
            if (from[i] != null && to[i] != null) {
                times.recordValue(Math.max(0, Duration.between(from[i], to[i]).toMillis()));
            }
        }
        return times;
    }

    /** What the hop holds of the incidents whose title starts with the prefix. */
    private static Holding holding(FederationInstance hop, String prefix) throws Exception {
        try (Connection connection = hop.connect();
                PreparedStatement select = connection.prepareStatement("select (select count(*) from "
                        + "federation_received_incident where starts_with(snapshot->>'title', ?)), count(*), "
                        + "count(*) filter (where m.via = 'pull') from federation_received_message m join "
                        + "federation_received_incident r on r.peer_id = m.peer_id and r.exchange_id = m.exchange_id "
                        + "where starts_with(r.snapshot->>'title', ?)")) {
            select.setString(1, prefix);
            select.setString(2, prefix);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Holding(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }
}
