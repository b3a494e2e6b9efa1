package io.cairn.bench;

import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls to a Cairn instance from the benchmarks: its API with a personal token, and its federation endpoints signed
 * as a peer. A status other than the one expected is an exception that quotes the answer.
 */
final class Api {

    /** An answer: the status and the body. */
    record Answer(int status, String body) {
        Map<String, Object> json() {
            return Jose.parse(body);
        }
    }

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {}

    /**
     * A JSON request with a bearer token ({@code null} body: none), expecting the status. Waits up to 30 minutes: the
     * admin's "catch up now" answers only when the whole round is stored, and a slow one is a figure, not a failure.
     */
    static Answer call(String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return expect(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), expected, method, url);
    }

    /** A file posted as the multipart part {@code file} with a bearer token, expecting the status. */
    static Answer upload(String url, String token, String filename, String contentType, byte[] content, int expected)
            throws IOException, InterruptedException {
        String boundary = "bench" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), expected, "POST", url);
    }

    /**
     * A request to {@code base + path} signed as the peer {@code issuer} with its key, with a body of that content type
     * ({@code null}: none), expecting the status.
     */
    static Answer signed(ECKey key, String issuer, String base, String method, String path, String contentType,
            byte[] body, int expected) throws IOException, InterruptedException {
        return expect(send(key, issuer, base, method, path, contentType, body), expected, method, base + path);
    }

    /** The same, returning whatever the peer answered. */
    static HttpResponse<String> send(ECKey key, String issuer, String base, String method, String path,
            String contentType, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + Jose.peerToken(key, issuer, base, method, uri))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Answer expect(HttpResponse<String> response, int expected, String method, String url) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " (expected "
                    + expected + "): " + response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }
}
