package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * HTTP calls to peers, with the limits every such call has: a connect and a read timeout, a limit on the size of the
 * answer (read no further than that), and redirects followed only within the same scheme, host and port, at most
 * {@value #MAX_REDIRECTS} times; a redirect to anywhere else is refused, so that a peer cannot send this instance
 * to fetch from a third party. A failure is a refusal of the named field, saying what went wrong.
 */
@Component
class PeerHttp {

    static final int MAX_REDIRECTS = 3;

    /** An answer of a peer: its status, its body (within the limit) and its content type. */
    record Answer(int status, byte[] body, String contentType) {}

    private final HttpClient http;
    private final FederationSettings settings;

    PeerHttp(FederationSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the request that the builder makes for a URL (called again for a redirect), and reads at most
     * {@code maxBytes} of the answer.
     */
    Outcome<Answer> send(String field, URI uri, UnaryOperator<HttpRequest.Builder> request, long maxBytes) {
        URI target = uri;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(
                        request.apply(HttpRequest.newBuilder(target)
                                        .version(version(target))
                                        .timeout(settings.readTimeout()))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return unreachable(field, uri, "no answer within the timeout");
            } catch (IOException e) {
                return unreachable(
                        field,
                        uri,
                        Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unreachable(field, uri, "interrupted");
            }
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return read(field, uri, response, maxBytes);
            }
            closeQuietly(response.body());
            URI next = response.headers()
                    .firstValue("Location")
                    .map(target::resolve)
                    .orElse(null);
            if (next == null || redirects >= MAX_REDIRECTS || !sameOrigin(target, next)) {
                return Outcome.refused(Refusal.invalid(field, FederationRefusals.PEER_REDIRECTED, uri.toString()));
            }
            target = next;
        }
    }

    /**
     * HTTP/2 where TLS negotiates it; HTTP/1.1 in the clear, where asking for HTTP/2 would send an upgrade request
     * with every call, and keep-alive connections are reused from the client's pool.
     */
    private static HttpClient.Version version(URI target) {
        return "https".equalsIgnoreCase(target.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    private static Outcome<Answer> read(String field, URI uri, HttpResponse<InputStream> response, long maxBytes) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                return Outcome.refused(Refusal.invalid(
                        field, FederationRefusals.PEER_ANSWER_TOO_LARGE, uri.toString(), String.valueOf(maxBytes)));
            }
            return Outcome.done(new Answer(
                    response.statusCode(),
                    bytes,
                    response.headers().firstValue("Content-Type").orElse("")));
        } catch (IOException e) {
            return unreachable(
                    field,
                    uri,
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private static boolean sameOrigin(URI one, URI other) {
        return Objects.equals(one.getScheme(), other.getScheme())
                && Objects.equals(one.getHost(), other.getHost())
                && one.getPort() == other.getPort();
    }

    private static Outcome<Answer> unreachable(String field, URI uri, String why) {
        return Outcome.refused(Refusal.invalid(field, FederationRefusals.PEER_UNREACHABLE, uri.toString(), why));
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the redirect's body is not read; a failure to close it changes nothing
        }
    }
}
