package io.cairn.federation;

import io.cairn.shared.Outcome;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance as its peers know it: its public base URL ({@code cairn.base-url}) in the normal form peers store it
 * in ({@link PeerUrls}: lower-case scheme and host, no default port, no trailing slash), which is the issuer of what it
 * signs and the audience of what peers send it, and its display name. A base URL peers could not register stops the
 * start with the reason.
 */
@Component
class ThisInstance {

    private final String baseUrl;
    private final String name;

    ThisInstance(@Value("${cairn.base-url:http://localhost:8080}") String baseUrl, FederationSettings settings) {
        Outcome<String> normal = PeerUrls.normalise("cairn.base-url", baseUrl, true);
        if (normal instanceof Outcome.Refused<String> refused) {
            throw new IllegalStateException("cairn.base-url (" + baseUrl + ") cannot be this instance's address for its"
                    + " peers: " + refused.refusal().message());
        }
        this.baseUrl = ((Outcome.Done<String>) normal).value();
        String configured = settings.name();
        String host = URI.create(this.baseUrl).getHost();
        this.name =
                configured != null && !configured.isBlank() ? configured.trim() : host == null ? this.baseUrl : host;
    }

    /** The base URL, such as {@code https://cairn.example.org}. */
    String baseUrl() {
        return baseUrl;
    }

    /** The display name. */
    String name() {
        return name;
    }

    /** The full URL of a path of this instance, as peers call it. */
    String url(String path) {
        return baseUrl + path;
    }
}
