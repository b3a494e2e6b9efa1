package io.cairn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The provider side the benchmark plays towards a real Cairn receiver, on a loopback port: its catalogue
 * ({@code GET /federation/v1/services}, empty) and its subscriptions ({@code POST /federation/v1/subscriptions}
 * answers 201 with a new subscription for everything), which is what a customer's admin needs to subscribe there.
 * The messages themselves the benchmark signs and pushes with the key it registered for this provider.
 */
final class FakeProvider implements AutoCloseable {

    private final HttpServer server;

    private FakeProvider(HttpServer server) {
        this.server = server;
    }

    static FakeProvider start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        FakeProvider provider = new FakeProvider(server);
        server.createContext("/", provider::handle);
        server.start();
        return provider;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("/federation/v1/services")) {
                answer(exchange, 200, "{\"services\":[]}");
            } else if ("POST".equals(method) && path.equals("/federation/v1/subscriptions")) {
                answer(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\",\"services\":[],\"minSeverity\":null,"
                        + "\"categories\":[],\"state\":\"active\",\"createdAt\":\"" + Instant.now() + "\"}");
            } else {
                answer(exchange, 404, "{\"title\":\"Not found\"}");
            }
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
    public void close() {
        server.stop(0);
    }
}
