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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser session over plain HTTP, as the sign-in form and the pages' scripts keep one: cookies, the sign-in form
 * with its CSRF token, and API calls with the CSRF token of the last page read. For tests that need a real session
 * on a server they did not start in their own context (another JVM, another node).
 */
public final class FormSession {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private String csrf = "";

    public FormSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
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
        return answer.headers().firstValue("Location").map(location -> location.replace(base, "")).orElse("");
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

    public ApiClient.Answer get(String path) {
        return answer(send(request(path).header("Accept", "application/json").GET()));
    }

    /** Posts JSON as the pages' scripts do: with the session's cookie and the CSRF token of the last page read. */
    public ApiClient.Answer post(String path, Object body) {
        return answer(send(request(path).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))));
    }

    /** Signs in with a one-time password, chooses a new one and issues an API token; the token's secret. */
    public String signInAndIssueToken(String username, String oneTimePassword, String newPassword) {
        signIn(username, oneTimePassword);
        page("/account/password");
        ApiClient.Answer changed = post("/api/v1/me/password", java.util.Map.of("currentPassword", oneTimePassword,
                "newPassword", newPassword));
        if (changed.status() != 204) {
            throw new IllegalStateException("could not change the password: " + changed);
        }
        ApiClient.Answer issued = post("/api/v1/me/tokens", java.util.Map.of("name", "test"));
        if (issued.status() != 201) {
            throw new IllegalStateException("could not issue a token: " + issued);
        }
        return issued.json().get("secret").asString();
    }

    private static String formToken(String loginPage) {
        Element input = Jsoup.parse(loginPage).selectFirst("input[name=_csrf]");
        if (input == null) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        return input.attr("value");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
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
