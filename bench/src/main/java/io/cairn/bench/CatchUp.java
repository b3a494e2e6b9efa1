package io.cairn.bench;

import com.nimbusds.jose.jwk.ECKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Figure 3, catch-up by pull: a real Cairn subscriber that was down catches up with a real Cairn provider's feed. The
 * two register each other as peers through their admin APIs (keys fetched from each other's key set), the
 * subscriber's admin subscribes at the provider, and the provider's outbox for that subscription is seeded with
 * {@code messages} valid signed messages: publications of {@code incidents} incidents, 1 to 9 versions each (5 on
 * average), interleaved as a day of changes would interleave them, each signed with the provider's own active key as
 * read from its database, waiting in the outbox as messages for a subscriber that did not answer (pending, their next
 * attempt an hour away; the provider pushes once an hour in this run, so only the pull moves them). Timed from the
 * admin's "catch up now" ({@code POST /api/v1/federation/upstream-subscriptions/{id}/catch-up}, which answers when
 * the round is done: every message verified and stored) to its answer, and on to when the subscriber had applied
 * every message (none left {@code accepted}); then checked: every message stored once, every incident received at its last
 * version, as one incident each.
 */
final class CatchUp {

    /** What the run measured and found. */
    record Result(int messages, int incidents, Duration took, Map<String, Object> pull, long stored, long received,
            long atLastVersion, long reports, Duration seeding, String cpu, Duration allApplied, long applied,
            long superseded) {}

    private CatchUp() {}

    static Result run(FederationInstance provider, FederationInstance subscriber, int messages, Consumer<String> say,
            CpuMeter meter, java.util.concurrent.Callable<Void> quiet) throws Exception {
        String customer = (String) provider.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Platform\","
                + "\"baseUrl\":\"" + subscriber.baseUrl() + "\",\"role\":\"customer\"}", 201).json().get("id");
        String upstream = (String) subscriber.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Cloud\","
                + "\"baseUrl\":\"" + provider.baseUrl() + "\",\"role\":\"provider\"}", 201).json().get("id");
        String subscription = (String) subscriber.admin("POST", "/api/v1/federation/upstream-subscriptions",
                "{\"provider\":\"" + upstream + "\",\"services\":[],\"categories\":[]}", 201).json().get("id");
        ECKey key = provider.signingKey();
        // a warm-up round, not measured: the subscriber's first thousands of messages are mostly compiling them
        int warmUp = Integer.getInteger("bench.catchupWarmUp", 5_000);
        if (warmUp > 0) {
            seed(provider, key, customer, subscription, subscriber.baseUrl(), warmUp);
            long warmUpStarted = System.nanoTime();
            Object warmUpPull = subscriber.admin("POST", "/api/v1/federation/upstream-subscriptions/" + subscription
                    + "/catch-up", null, 200).json().get("accepted");
            say.accept(String.format("catch-up warm-up: %s of %,d messages stored in %d ms, all applied after %d ms",
                    warmUpPull, warmUp, (System.nanoTime() - warmUpStarted) / 1_000_000,
                    ReceiverLoad.allApplied(subscriber, warmUpStarted)));
        }
        long[] before = holdings(subscriber);
        long seedingStarted = System.nanoTime();
        int incidents = seed(provider, key, customer, subscription, subscriber.baseUrl(), messages);
        Duration seeding = Duration.ofNanos(System.nanoTime() - seedingStarted);
        say.accept(String.format("catch-up: %,d messages about %,d incidents seeded in %d s; catching up", messages,
                incidents, seeding.toSeconds()));
        quiet.call();
        meter.start();
        long started = System.nanoTime();
        Map<String, Object> pull = subscriber.admin("POST", "/api/v1/federation/upstream-subscriptions/"
                + subscription + "/catch-up", null, 200).json();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String cpu = meter.stop().describe(Runtime.getRuntime().availableProcessors(), "the benchmark", 0);
        Duration allApplied = Duration.ofMillis(ReceiverLoad.allApplied(subscriber, started));
        long[] after = holdings(subscriber);
        long applied = after[0] - before[0];
        long superseded = after[1] - before[1];
        long stored = after[2] - before[2];
        long received = after[3] - before[3];
        long atLast = after[4] - before[4];
        long reports = after[5] - before[5];
        say.accept(String.format("catch-up: %d ms stored, %d ms applied; %s; %,d stored, %,d incidents received (%,d at "
                + "their last version, %,d incidents)", took.toMillis(), allApplied.toMillis(), pull, stored, received,
                atLast, reports));
        return new Result(messages, incidents, took, pull, stored, received, atLast, reports, seeding, cpu,
                allApplied, applied, superseded);
    }

    /**
     * What the subscriber holds: messages applied, superseded and received by pull, received incidents, those at the
     * last version received, and the incidents made from them.
     */
    private static long[] holdings(FederationInstance subscriber) throws Exception {
        return new long[] {
            subscriber.count("select count(*) from federation_received_message where outcome = 'applied'"),
            subscriber.count("select count(*) from federation_received_message where outcome = 'superseded'"),
            subscriber.count("select count(*) from federation_received_message where via = 'pull'"),
            subscriber.count("select count(*) from federation_received_incident"),
            subscriber.count("select count(*) from federation_received_incident r where r.version = "
                    + "(select max(version) from federation_received_message m where m.peer_id = r.peer_id "
                    + "and m.exchange_id = r.exchange_id)"),
            subscriber.count("select count(*) from incident where id in "
                    + "(select incident_id from federation_received_incident)")
        };
    }

    /** Seeds the outbox; returns how many incidents the messages are about. */
    private static int seed(FederationInstance provider, ECKey key, String customer, String subscription,
            String recipient, int messages) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        // incidents with 1 to 9 versions (5 on average) until the count is reached, each version at its own moment
        record Planned(UUID exchange, UUID incident, int version, long at) {}
        List<Planned> planned = new ArrayList<>();
        Map<UUID, UUID> incidentOf = new HashMap<>();
        long day = Duration.ofDays(1).toMillis();
        while (planned.size() < messages) {
            UUID exchange = UUID.randomUUID();
            incidentOf.put(exchange, UUID.randomUUID());
            int versions = Math.min(1 + random.nextInt(9), messages - planned.size());
            long at = random.nextLong(day);
            for (int v = 1; v <= versions; v++) {
                planned.add(new Planned(exchange, incidentOf.get(exchange), v, at));
                at += random.nextLong(Duration.ofHours(2).toMillis());
            }
        }
        planned.sort(java.util.Comparator.comparingLong(Planned::at).thenComparingInt(Planned::version));
        List<ExchangeMessages.Provenance> provenance = ExchangeMessages.provenancePool(64);
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).minus(3, ChronoUnit.HOURS);
        Instant now = Instant.now();
        try (Connection connection = provider.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into federation_outbox (id, "
                    + "subscription_id, peer_id, incident_id, message_id, exchange_id, exchange_version, kind, jws, "
                    + "state, attempts, next_attempt_at, last_error, created_at, updated_at, expires_at) values (?, ?, ?, "
                    + "?, ?, ?, ?, 'publication', ?, 'pending', 3, ?, 'the peer did not answer', ?, ?, ?)")) {
                int n = 0;
                for (Planned message : planned) {
                    Instant issued = base.plusMillis(message.at());
                    if (issued.isAfter(now)) {
                        issued = now;
                    }
                    byte[] payload = ExchangeMessages.publication(new ExchangeMessages.Facts(message.exchange(),
                            message.version(), provider.name, provider.baseUrl(), recipient, subscription, issued,
                            provenance.get(random.nextInt(provenance.size()))));
                    String messageId = (String) Jose.parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8))
                            .get("messageId");
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.fromString(subscription));
                    insert.setObject(3, UUID.fromString(customer));
                    insert.setObject(4, message.incident());
                    insert.setObject(5, UUID.fromString(messageId));
                    insert.setObject(6, message.exchange());
                    insert.setLong(7, message.version());
                    insert.setString(8, Jose.signMessage(payload, key));
                    insert.setTimestamp(9, Timestamp.from(now.plus(1, ChronoUnit.HOURS)));
                    insert.setTimestamp(10, Timestamp.from(issued));
                    insert.setTimestamp(11, Timestamp.from(issued));
                    // as ExchangeMessages makes them: a message expires 7 days after it is issued
                    insert.setTimestamp(12, Timestamp.from(issued.plus(7, ChronoUnit.DAYS)));
                    insert.addBatch();
                    if (++n % 1000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return incidentOf.size();
    }
}
