package io.cairn.bench;

import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Figure 2, a receiver: a real Cairn takes signed messages pushed by a provider the benchmark plays ({@link
 * FakeProvider}, registered on the receiver as a provider peer with a key the benchmark holds, and an upstream
 * subscription its admin made there through the API). At each concurrency, every client thread pushes its own
 * incidents: a new incident (version 1) for 3 messages in 10, a later version of one of its incidents for the others,
 * each message signed beforehand and sent with a signed request to {@code POST /federation/v1/inbox}, alone
 * ({@code application/jose}) or in envelopes of several ({@code application/json}, one signed request each), as
 * {@code bench.receiverEnvelopes} lists (1 and 20 by default). Only messages answered {@code accepted} (verified and
 * stored) count, and the rate is theirs; applying follows apart, and
 * each step also measures, from its start, when the receiver had applied everything (no message left
 * {@code accepted}). Afterwards the receiver's tables must hold exactly one received message per such answer and one
 * received incident, at its last version, per incident sent.
 */
final class ReceiverLoad {

    /**
     * One step: its concurrency, messages answered 200 and accepted, failures, the rate and latency, and the time from
     * the step's start until all were applied.
     */
    record Step(int concurrency, int envelope, int accepted, int failed, double perSecond, long p50, long p95,
            long max, String firstFailure, String cpu, long allAppliedMillis) {

        double appliedPerSecond() {
            return accepted * 1000.0 / Math.max(1, allAppliedMillis);
        }
    }

    /** The steps, and what the receiver's tables held afterwards. */
    record Result(List<Step> steps, long storedMessages, long storedIncidents, long expectedIncidents,
            boolean versionsMatch) {}

    /** Whether the receiver applies what it stores while it is measured ({@code bench.receiverApplying}, true). */
    static final boolean APPLYING = !"false".equals(System.getProperty("bench.receiverApplying"));

    private ReceiverLoad() {}

    /** How many messages each push holds, a step for each ({@code bench.receiverEnvelopes}, 1 and 20). */
    static final List<Integer> ENVELOPES = java.util.Arrays.stream(
            System.getProperty("bench.receiverEnvelopes", "1,20").split(",")).map(Integer::parseInt).toList();

    static Result run(FederationInstance receiver, List<Integer> concurrencies, int messagesPerStep,
            Consumer<String> say, CpuMeter meter, java.util.concurrent.Callable<Void> quiet) throws Exception {
        ECKey key = Jose.newKey();
        try (FakeProvider provider = FakeProvider.start()) {
            String peer = (String) receiver.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Upstream cloud\","
                    + "\"baseUrl\":\"" + provider.baseUrl() + "\",\"role\":\"provider\",\"keys\":"
                    + Jose.json(Jose.publicKeySet(key)) + "}", 201).json().get("id");
            String subscription = (String) receiver.admin("POST", "/api/v1/federation/upstream-subscriptions",
                    "{\"provider\":\"" + peer + "\",\"services\":[],\"categories\":[]}", 201).json().get("id");
            List<ExchangeMessages.Provenance> provenance = ExchangeMessages.provenancePool(32);
            Map<UUID, Integer> lastVersion = new HashMap<>();
            List<Step> steps = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(11);
            // a warm-up at the highest concurrency, not counted: a fresh JVM spends a good part of two cores compiling
            // for its first few thousand requests, which a server that has run for a while has done long before
            int warmUpMessages = Integer.getInteger("bench.receiverWarmUp", 3_000);
            List<int[]> plan = new ArrayList<>();
            for (int envelope : ENVELOPES) {
                plan.add(new int[] {-concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1), envelope});
                concurrencies.forEach(concurrency -> plan.add(new int[] {concurrency, envelope}));
            }
            for (int[] planned : plan) {
                boolean warmUp = planned[0] < 0;
                int threads = Math.abs(planned[0]);
                int envelope = planned[1];
                int count = warmUp ? warmUpMessages : messagesPerStep;
                // quiet first: the signed requests live two minutes from now
                quiet.call();
                List<List<String>> signed = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    signed.add(new ArrayList<>());
                }
                // each thread its own incidents, so that its versions arrive in order
                List<List<UUID>> owned = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    owned.add(new ArrayList<>());
                }
                for (int i = 0; i < count; i++) {
                    int t = i % threads;
                    List<UUID> mine = owned.get(t);
                    UUID exchange;
                    if (mine.isEmpty() || random.nextInt(10) < 3) {
                        exchange = UUID.randomUUID();
                        mine.add(exchange);
                    } else {
                        exchange = mine.get(random.nextInt(mine.size()));
                    }
                    int version = lastVersion.merge(exchange, 1, Integer::sum);
                    byte[] payload = ExchangeMessages.publication(new ExchangeMessages.Facts(exchange, version,
                            "Upstream cloud", provider.baseUrl(), receiver.baseUrl(), subscription, Instant.now(),
                            provenance.get(random.nextInt(provenance.size()))));
                    signed.get(t).add(Jose.signMessage(payload, key));
                }
                URI inbox = URI.create(receiver.baseUrl() + "/federation/v1/inbox");
                List<List<Push>> work = new ArrayList<>();
                for (List<String> mine : signed) {
                    List<Push> pushes = new ArrayList<>();
                    for (int from = 0; from < mine.size(); from += envelope) {
                        pushes.add(new Push(Jose.peerToken(key, provider.baseUrl(), receiver.baseUrl(), "POST", inbox),
                                mine.subList(from, Math.min(mine.size(), from + envelope))));
                    }
                    work.add(pushes);
                }
                Step step = push(receiver, threads, envelope, work, meter);
                if (!warmUp) {
                    steps.add(step);
                }
                say.accept(String.format("receiver%s: %d clients, %d a push, %d accepted, %d failed, %.0f/s, p50 %d ms, p95 %d ms,"
                        + " max %d ms%s; all applied after %d ms (%.0f/s); %s", warmUp ? " (warm-up)" : "", threads,
                        envelope, step.accepted(), step.failed(), step.perSecond(), step.p50(), step.p95(), step.max(),
                        step.firstFailure() == null ? "" : "; first failure: " + step.firstFailure(),
                        step.allAppliedMillis(), step.appliedPerSecond(), step.cpu()));
            }
            long accepted = steps.stream().mapToLong(Step::accepted).sum() + 0L;
            long stored = receiver.count("select count(*) from federation_received_message where peer_id = '" + peer
                    + "'");
            long incidents = receiver.count("select count(*) from federation_received_incident where peer_id = '"
                    + peer + "'");
            StringBuilder expected = new StringBuilder();
            lastVersion.forEach((exchange, version) -> expected.append(expected.isEmpty() ? "" : ",")
                    .append("('").append(exchange).append("'::uuid,").append(version).append(')'));
            long mismatched = receiver.count("select count(*) from (values " + expected + ") e(exchange_id, version) "
                    + "left join federation_received_incident r on r.exchange_id = e.exchange_id and r.peer_id = '"
                    + peer + "' where r.version is distinct from e.version");
            say.accept("receiver: " + stored + " messages stored (" + accepted + " counted, warm-up besides), "
                    + incidents + " incidents for " + lastVersion.size() + " sent, " + mismatched
                    + " not at the last version sent");
            return new Result(steps, stored, incidents, lastVersion.size(), mismatched == 0);
        }
    }

    /** One signed request: its token and the messages it pushes (one alone, or an envelope of them). */
    private record Push(String token, List<String> messages) {}

    private static Step push(FederationInstance receiver, int threads, int envelope, List<List<Push>> work,
            CpuMeter meter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Histogram latency = new Histogram(60_000_000_000L, 3);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String[] firstFailure = new String[1];
        URI inbox = URI.create(receiver.baseUrl() + "/federation/v1/inbox");
        double selfBefore = CpuMeter.processTicks(ProcessHandle.current().pid());
        meter.start();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (List<Push> mine : work) {
            running.add(pool.submit(() -> {
                for (Push push : mine) {
                    long sent = System.nanoTime();
                    Answer answer = push.messages().size() == 1
                            ? post(inbox, push.token(), "application/jose", push.messages().get(0))
                            : post(inbox, push.token(), "application/json", Jose.json(Map.<String, Object>of("messages",
                                    push.messages())));
                    long took = System.nanoTime() - sent;
                    synchronized (latency) {
                        latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
                    }
                    int ok = answer.status() == 200 ? occurrences(answer.body(), "\"accepted\"") : 0;
                    accepted.addAndGet(ok);
                    if (ok < push.messages().size()) {
                        failed.addAndGet(push.messages().size() - ok);
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = answer.status() + " " + answer.body();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String cpu = meter.stop().describe(Runtime.getRuntime().availableProcessors(), "the benchmark (pushing)",
                (CpuMeter.processTicks(ProcessHandle.current().pid()) - selfBefore) / 100.0);
        pool.shutdown();
        // with applying off (bench.receiverApplying=false, for finding what receiving alone costs) nothing is waited for
        long allApplied = APPLYING ? allApplied(receiver, started) : -1;
        return new Step(threads, envelope, accepted.get(), failed.get(), accepted.get() / seconds,
                latency.getValueAtPercentile(50) / 1_000_000, latency.getValueAtPercentile(95) / 1_000_000,
                latency.getMaxValue() / 1_000_000, firstFailure[0], cpu, allApplied);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** A status and body as the receiver answered. */
    private record Answer(int status, String body) {}

    /**
     * Pushes one message, or an envelope of them, on a kept-alive connection. {@code HttpURLConnection} rather than {@code HttpClient}: the
     * pushing side shares the two cores with the receiver, and the former costs a fraction of the latter per request.
     */
    private static Answer post(URI inbox, String token, String contentType, String content)
            throws java.io.IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) inbox.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("Accept", "application/json");
        byte[] body = content.getBytes(StandardCharsets.US_ASCII);
        connection.setFixedLengthStreamingMode(body.length);
        try (java.io.OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Waits (at most 30 minutes) until the receiver has applied every message it accepted; ms since {@code started}. */
    static long allApplied(FederationInstance receiver, long started) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (receiver.count("select count(*) from federation_received_message where outcome = 'accepted'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
