package io.cairn.bench;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many subscriber endpoints in the benchmark's process: one HTTP server on a loopback port serving the base URLs
 * {@code http://127.0.0.1:<port>/c<i>}, whose inboxes answer like a receiver's. Each push is checked before it is
 * acknowledged: the request's bearer JWT (signed with one of the provider's keys, issued by the provider, for this
 * subscriber's base URL and this inbox), the message's JWS against the provider's key set, the message's recipient
 * and subscription, and that its message id was not seen before. Only a push that passes all of it is answered 200
 * and counted; anything else is answered 400 and counted as refused.
 */
final class SubscriberEndpoints implements AutoCloseable {

    private static final Pattern INBOX = Pattern.compile("^/c(\\d+)/federation/v1/inbox$");

    private final HttpServer server;
    private final ExecutorService threads;
    private final String provider;
    private final JWKSet providerKeys;
    private final Map<String, String> subscriptionOf = new ConcurrentHashMap<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong lastAcknowledged = new AtomicLong();
    private volatile String firstRefusal;

    private SubscriberEndpoints(HttpServer server, ExecutorService threads, String provider, JWKSet providerKeys) {
        this.server = server;
        this.threads = threads;
        this.provider = provider;
        this.providerKeys = providerKeys;
    }

    /** Starts the server with as many handling threads as given, for the provider at this base URL and its keys. */
    static SubscriberEndpoints start(int threads, String provider, JWKSet providerKeys) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        SubscriberEndpoints endpoints = new SubscriberEndpoints(server, pool, provider, providerKeys);
        server.createContext("/", endpoints::handle);
        server.start();
        return endpoints;
    }

    /** The base URL of the i-th subscriber. */
    String baseUrl(int i) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/c" + i;
    }

    /** The subscription the i-th subscriber holds at the provider: its messages must name it. */
    void subscribed(int i, String subscription) {
        subscriptionOf.put(baseUrl(i), subscription);
    }

    /** Starts counting anew (message ids seen stay seen). */
    void reset() {
        acknowledged.set(0);
        refused.set(0);
        lastAcknowledged.set(0);
    }

    int acknowledged() {
        return acknowledged.get();
    }

    int refused() {
        return refused.get();
    }

    /** {@link System#nanoTime()} when the last push so far was acknowledged. */
    long lastAcknowledgedNanos() {
        return lastAcknowledged.get();
    }

    String firstRefusal() {
        return firstRefusal;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Matcher inbox = INBOX.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !inbox.matches()) {
                answer(exchange, 404, "{\"title\":\"Not found\"}");
                return;
            }
            String base = baseUrl(Integer.parseInt(inbox.group(1)));
            try {
                check(exchange, base, body);
            } catch (RuntimeException refusal) {
                refused.incrementAndGet();
                if (firstRefusal == null) {
                    firstRefusal = base + ": " + refusal.getMessage();
                }
                answer(exchange, 400, "{\"title\":\"Refused\"}");
                return;
            }
            answer(exchange, 200, "{\"outcome\":\"applied\"}");
            acknowledged.incrementAndGet();
            lastAcknowledged.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private void check(HttpExchange exchange, String base, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalStateException("no bearer token");
        }
        JWTClaimsSet claims = Jose.verifyToken(authorization.substring(7), providerKeys);
        String inbox = base + "/federation/v1/inbox";
        if (!provider.equals(claims.getIssuer()) || !List.of(base).equals(claims.getAudience())
                || !"POST".equals(claims.getClaim("htm")) || !inbox.equals(claims.getClaim("htu"))
                || claims.getExpirationTime().getTime() < System.currentTimeMillis()) {
            throw new IllegalStateException("token claims " + claims);
        }
        if (!"application/jose".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            throw new IllegalStateException("content type " + exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        Map<String, Object> message = Jose.parse(new String(Jose.verifyMessage(
                new String(body, StandardCharsets.US_ASCII).trim(), providerKeys), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> recipient = (Map<String, Object>) message.get("recipient");
        @SuppressWarnings("unchecked")
        Map<String, Object> publisher = (Map<String, Object>) message.get("publisher");
        if (!base.equals(recipient.get("url")) || !provider.equals(publisher.get("url"))
                || !message.get("subscription").equals(subscriptionOf.get(base))) {
            throw new IllegalStateException("message for " + recipient + " of " + publisher + ", subscription "
                    + message.get("subscription"));
        }
        if (!messageIds.add((String) message.get("messageId"))) {
            throw new IllegalStateException("message " + message.get("messageId") + " seen before");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
