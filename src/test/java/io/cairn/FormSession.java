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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's session without the browser: signs in through the real sign-in form, keeps the session cookie, and
 * sends further requests in that session without following redirects, so that a test sees where the server sends it.
 * For tests that need a real session, also on a server they did not start in their own context (another JVM, another
 * node).
 */
public final class FormSession {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String csrf = "";

    public FormSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A browser that has not signed in. */
    public static FormSession anonymous(int port) {
        return new FormSession(port);
    }

    /** A session signed in with the form as the user; fails when the form does not sign them in. */
    public static FormSession signedIn(int port, String username, String password) {
        FormSession session = new FormSession(port);
        String landing = session.signIn(username, password);
        if (landing.isEmpty() || landing.contains("/login")) {
            throw new IllegalStateException(
                    "the sign-in form did not sign " + username + " in: sent to '" + landing + "'");
        }
        return session;
    }

    /**
     * Fills in and sends the sign-in form; the page it leads to: {@code /} or where a one-time password must be
     * changed when signed in, {@code /login?error} or {@code /login?wait=...} when refused.
     */
    public String signIn(String username, String password) {
        String token = formToken(send(request("/login").GET()).body());
        HttpResponse<String> answer = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encoded(username) + "&password="
                        + encoded(password) + "&_csrf=" + encoded(token))));
        return answer.headers()
                .firstValue("Location")
                .map(location -> location.replace(base, ""))
                .orElse("");
    }

    /** Reads a page, keeping its CSRF token for the API calls that follow; its status. */
    public int page(String path) {
        HttpResponse<String> answer = send(request(path).GET());
        Element meta = Jsoup.parse(answer.body()).selectFirst("meta[name=csrf-token]");
        if (meta != null) {
            csrf = meta.attr("content");
        }
        return answer.statusCode();
    }

    /** The CSRF token a page of this session carries for scripts (its {@code csrf-token} meta tag). */
    public String csrfToken() {
        page("/account/tokens");
        if (csrf.isEmpty()) {
            throw new IllegalStateException("no csrf-token meta tag in the page");
        }
        return csrf;
    }

    /** A page or API resource in this session, with the given extra headers (name, value, ...). */
    public ApiClient.Answer get(String path, String... headers) {
        return answer(send(withHeaders(request(path).GET(), headers)));
    }

    /** Posts JSON as the pages' scripts do: with the session's cookie and the CSRF token of the last page read. */
    public ApiClient.Answer post(String path, Object body) {
        return postJson(path, body, "X-CSRF-TOKEN", csrf);
    }

    /** A JSON body posted in this session with the given extra headers (such as a CSRF token), and no others. */
    public ApiClient.Answer postJson(String path, Object body, String... headers) {
        return answer(send(withHeaders(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                headers)));
    }

    /**
     * Posts a form as a browser does ({@code application/x-www-form-urlencoded}), with the CSRF token of the last page
     * read and the given extra headers (such as {@code HX-Request}); redirects are not followed.
     */
    public ApiClient.Answer postForm(String path, Map<String, String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(encoded(name))
                .append('=')
                .append(encoded(value)));
        return answer(send(withHeaders(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                headers)));
    }

    /** Signs in with a one-time password, chooses a new one and issues an API token; the token's secret. */
    public String signInAndIssueToken(String username, String oneTimePassword, String newPassword) {
        signIn(username, oneTimePassword);
        page("/account/password");
        ApiClient.Answer changed =
                post("/api/v1/me/password", Map.of("currentPassword", oneTimePassword, "newPassword", newPassword));
        if (changed.status() != 204) {
            throw new IllegalStateException("could not change the password: " + changed);
        }
        ApiClient.Answer issued = post("/api/v1/me/tokens", Map.of("name", "test"));
        if (issued.status() != 201) {
            throw new IllegalStateException("could not issue a token: " + issued);
        }
        return issued.json().get("secret").asString();
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static String formToken(String loginPage) {
        Element input = Jsoup.parse(loginPage).selectFirst("input[name=_csrf]");
        if (input == null) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        return input.attr("value");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient.Answer answer(HttpResponse<String> response) {
        return new ApiClient.Answer(response.statusCode(), response.body(), response);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
