package io.cairn;

import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real HTTP to the server under test, JSON in and out. */
public final class ApiClient {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final @Nullable String token;

    public ApiClient(int port, @Nullable String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same server, acting with another token. */
    public ApiClient as(String otherToken) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    /** An answer: status, headers and body as text and as JSON. */
    public record Answer(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return ApiClient.json.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        /** The fields a refusal names, in the order of its problem details' {@code errors}. */
        public java.util.List<String> problemFields() {
            return json().path("errors")
                    .valueStream()
                    .map(error -> error.path("field").asString())
                    .toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** An answer whose body is bytes (a PDF, or JSON whose exact bytes count). */
    public record Bytes(int status, byte[] body, HttpResponse<byte[]> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    /** The answer to a GET as bytes, with these headers (such as Accept or Accept-Language) over the usual ones. */
    public Bytes bytes(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::setHeader);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET that may take longer than the usual 30 seconds, such as the OpenAPI document the server makes once. */
    public Answer get(String path, Duration timeout) {
        return send(request(path).timeout(timeout).GET());
    }

    public Answer post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer patch(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends text with the given content type, such as a CSV file. */
    public Answer postText(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a body exactly as given, for malformed and oversized input. */
    public Answer postRaw(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    /** Uploads a file as the part {@code file} of a {@code multipart/form-data} form. */
    public Answer postFile(String path, String filename, String contentType, byte[] content) {
        String boundary = "cairn" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return postRaw(
                path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static String text(Object body) {
        return body instanceof String text ? text : json.writeValueAsString(body);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The common part of a test of the API of the whole server ({@link ServerTest}): the server's port,
     * {@link TestUsers} to make the people who call it, new for each test, and clients acting as them.
     */
    @ServerTest
    public abstract static class OnServer {

        @LocalServerPort
        protected int port;

        @Autowired
        protected ApplicationContext context;

        protected TestUsers users;

        @BeforeEach
        protected void usersOfTheServer() {
            users = new TestUsers(context);
        }

        /** A client of this test's server acting with the user's token. */
        protected ApiClient client(TestUser user) {
            return new ApiClient(port, user.token());
        }
    }
}
