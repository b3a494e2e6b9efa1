package io.cairn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's session without the browser: signs in through the real sign-in form, keeps the session cookie, and sends
 * further requests in that session without following redirects, so that a test sees where the server sends it.
 */
public final class FormSession {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private FormSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A browser that has not signed in. */
    public static FormSession anonymous(int port) {
        return new FormSession(port);
    }

    /** A session signed in with the form as the user; fails when the form does not sign them in. */
    public static FormSession signIn(int port, String username, String password) {
        FormSession session = new FormSession(port);
        String token = session.find(HIDDEN_CSRF, session.get("/login").body(), "the sign-in form's CSRF token");
        ApiClient.Answer signedIn = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", token)))));
        if (signedIn.status() != 302 || signedIn.header("Location").contains("/login")) {
            throw new IllegalStateException("the sign-in form did not sign " + username + " in: " + signedIn.status()
                    + " to " + signedIn.header("Location"));
        }
        return session;
    }

    /** A page or API resource in this session, with the given extra headers (name, value, ...). */
    public ApiClient.Answer get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    /** A JSON body posted in this session with the given extra headers (such as a CSRF token), and no others. */
    public ApiClient.Answer postJson(String path, Object body, String... headers) {
        return send(withHeaders(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), headers));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** The CSRF token a page of this session carries for scripts (its {@code csrf-token} meta tag). */
    public String csrfToken() {
        return find(META_CSRF, get("/account/tokens").body(), "the csrf-token meta tag");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
    }

    private ApiClient.Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String find(Pattern pattern, String page, String what) {
        Matcher found = pattern.matcher(page);
        if (!found.find()) {
            throw new IllegalStateException("no " + what + " in the page");
        }
        return found.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
