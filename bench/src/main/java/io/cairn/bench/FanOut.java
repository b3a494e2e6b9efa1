package io.cairn.bench;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figure 1, fan-out: one provider publishes one incident to {@code subscribers} customer peers, each with its own
 * subscription and its own base URL on {@link SubscriberEndpoints}. The provider's admin registers every customer
 * through {@code POST /api/v1/federation/peers} (their public key pasted), each customer subscribes through
 * {@code POST /federation/v1/subscriptions} signed as itself, a handler reports an incident (GREEN) and then publishes
 * it to all the subscriptions at once with {@code POST /api/v1/incidents/{id}/publication}. Timed from sending that
 * request to the last push the endpoints verified and acknowledged; then until the provider has recorded every
 * message as delivered. A first publication to all of them, not measured, warms the provider up.
 */
final class FanOut {

    /** What one run measured. */
    record Result(int subscribers, Duration publishRequest, Duration lastAcknowledged, Duration allRecorded,
            int acknowledged, int refused, Duration setUp, String cpu) {}

    private FanOut() {}

    /**
     * Sets up and measures; {@code quiet} waits for other processes on the machine to calm down before the publish,
     * and {@code meter} measures where the CPU went from the publish to the last acknowledgement.
     */
    static Result run(FederationInstance provider, int subscribers, Duration limit, java.util.function.Consumer<String> say,
            CpuMeter meter, java.util.concurrent.Callable<Void> quiet) throws Exception {
        long setUpStarted = System.nanoTime();
        ECKey customerKey = Jose.newKey();
        String keys = Jose.json(Jose.publicKeySet(customerKey));
        try (SubscriberEndpoints endpoints = SubscriberEndpoints.start(32, provider.baseUrl(), provider.keys())) {
            List<String> subscriptions = new ArrayList<>();
            ExecutorService setUp = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> made = new ArrayList<>();
                for (int i = 0; i < subscribers; i++) {
                    int customer = i;
                    made.add(setUp.submit(() -> {
                        String base = endpoints.baseUrl(customer);
                        provider.admin("POST", "/api/v1/federation/peers", "{\"name\":\"Customer "
                                + String.format("%04d", customer) + "\",\"baseUrl\":\"" + base
                                + "\",\"role\":\"customer\",\"keys\":" + keys + "}", 201);
                        String id = (String) Api.signed(customerKey, base, provider.baseUrl(), "POST",
                                "/federation/v1/subscriptions", "application/json",
                                "{}".getBytes(StandardCharsets.UTF_8), 201).json().get("id");
                        endpoints.subscribed(customer, id);
                        return id;
                    }));
                }
                for (Future<String> subscription : made) {
                    subscriptions.add(subscription.get());
                }
            } finally {
                setUp.shutdown();
            }
            Duration setUpTime = Duration.ofNanos(System.nanoTime() - setUpStarted);
            say.accept("fan-out: " + subscribers + " customers registered and subscribed in " + setUpTime.toSeconds()
                    + " s");
            StringBuilder body = new StringBuilder("{\"subscriptions\":[");
            for (int i = 0; i < subscriptions.size(); i++) {
                body.append(i == 0 ? "\"" : ",\"").append(subscriptions.get(i)).append('"');
            }
            body.append("]}");
            // a first publication to everybody warms the provider up (a running provider has compiled this path);
            // the second one is measured
            String warmUp = provider.report("Leaked access key for the object storage in region eu-west");
            provider.handler("POST", "/api/v1/incidents/" + warmUp + "/publication", body.toString(), 200);
            long warmDeadline = System.nanoTime() + limit.toNanos();
            while (endpoints.acknowledged() + endpoints.refused() < subscribers && System.nanoTime() < warmDeadline) {
                Thread.sleep(20);
            }
            while (provider.count("select count(*) from federation_outbox where state = 'delivered'") < subscribers
                    && System.nanoTime() < warmDeadline) {
                Thread.sleep(20);
            }
            say.accept("fan-out: warm-up publication delivered to " + endpoints.acknowledged() + "; measuring");
            endpoints.reset();
            String incident = provider.report("Unauthorised access to object storage in region eu-west");
            quiet.call();
            double selfBefore = CpuMeter.processTicks(ProcessHandle.current().pid());
            meter.start();
            long started = System.nanoTime();
            provider.handler("POST", "/api/v1/incidents/" + incident + "/publication", body.toString(), 200);
            Duration publish = Duration.ofNanos(System.nanoTime() - started);
            long deadline = started + limit.toNanos();
            while (endpoints.acknowledged() + endpoints.refused() < subscribers && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Duration last = endpoints.acknowledged() == 0 ? limit
                    : Duration.ofNanos(endpoints.lastAcknowledgedNanos() - started);
            CpuMeter.Usage usage = meter.stop();
            String cpu = usage.describe(Runtime.getRuntime().availableProcessors(), "the benchmark (endpoints verifying)",
                    (CpuMeter.processTicks(ProcessHandle.current().pid()) - selfBefore) / 100.0);
            long delivered = 0;
            while (System.nanoTime() < deadline) {
                delivered = provider.count("select count(*) from federation_outbox where state = 'delivered'")
                        - subscribers;
                if (delivered >= subscribers) {
                    break;
                }
                Thread.sleep(20);
            }
            Duration recorded = Duration.ofNanos(System.nanoTime() - started);
            if (endpoints.refused() > 0) {
                say.accept("fan-out: " + endpoints.refused() + " pushes refused, the first: "
                        + endpoints.firstRefusal());
            }
            say.accept(String.format("fan-out: publish request %d ms, %d of %d acknowledged, the last after %d ms; "
                    + "%d recorded as delivered after %d ms; %s", publish.toMillis(), endpoints.acknowledged(),
                    subscribers, last.toMillis(), delivered, recorded.toMillis(), cpu));
            return new Result(subscribers, publish, last, delivered >= subscribers ? recorded : null,
                    endpoints.acknowledged(), endpoints.refused(), setUpTime, cpu);
        }
    }
}
