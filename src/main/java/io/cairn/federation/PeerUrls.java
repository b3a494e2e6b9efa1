package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules for a peer's base URL, and its one normal form: scheme and host in lower case, the port only when it is
 * not the scheme's default, the path without a trailing slash. A URL with user information, a query or a fragment is
 * refused rather than cleaned, and so is plain {@code http} to anything but the loopback interface unless
 * {@code cairn.federation.allow-http} is set: a peer's messages and keys must not travel in the clear.
 */
final class PeerUrls {

    /**
     * The longest base URL: a relay's provenance entry names its own and its provider's, and both must fit in the
     * entry's one fixed size ({@link ProvenanceSeal#SIZE}).
     */
    static final int MAX_LENGTH = 1_000;

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private PeerUrls() {}

    /** The normal form of a base URL, or why it is refused, naming the field. */
    static Outcome<String> normalise(String field, @Nullable String text, boolean allowHttp) {
        if (text == null || text.isBlank()) {
            return refused(field, SharedRefusals.REQUIRED);
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_LENGTH) {
            return Outcome.refused(Refusal.invalid(field, SharedRefusals.TOO_LONG, String.valueOf(MAX_LENGTH)));
        }
        if (!trimmed.chars().allMatch(c -> c < 0x80)) {
            // an address of other characters is written percent-encoded (RFC 3986); it is not guessed at here
            return refused(field, FederationRefusals.NOT_A_URL);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return refused(field, FederationRefusals.NOT_A_URL);
        }
        Optional<Refusal.Reason> problem = shapeProblem(uri, allowHttp);
        if (problem.isPresent()) {
            return refused(field, problem.get());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return Outcome.done(scheme + "://" + host + (defaultPort ? "" : ":" + port) + withoutTrailingSlash(path));
    }

    /** What is wrong with the URL's parts, if anything. */
    private static Optional<Refusal.Reason> shapeProblem(URI uri, boolean allowHttp) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(FederationRefusals.URL_SCHEME);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(FederationRefusals.URL_USER_INFO);
        }
        if (uri.getRawQuery() != null) {
            return Optional.of(FederationRefusals.URL_QUERY);
        }
        if (uri.getRawFragment() != null) {
            return Optional.of(FederationRefusals.URL_FRAGMENT);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(FederationRefusals.URL_HOST);
        }
        if (scheme.equals("http") && !allowHttp && !isLoopback(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.of(FederationRefusals.URL_PLAIN_HTTP);
        }
        String path = withoutTrailingSlash(uri.getRawPath() == null ? "" : uri.getRawPath());
        return path.contains("//") || path.matches(".*(^|/)\\.{1,2}(/|$).*")
                ? Optional.of(FederationRefusals.URL_PATH)
                : Optional.empty();
    }

    /** The text without its trailing slashes. */
    static String withoutTrailingSlash(String text) {
        String result = text;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Whether the host is this machine's loopback interface, by name or address, without asking DNS. */
    static boolean isLoopback(String host) {
        return host.equals("localhost")
                || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches();
    }

    private static Outcome<String> refused(String field, Refusal.Reason reason) {
        return Outcome.refused(Refusal.invalid(field, reason));
    }
}
