package io.cairn.federation;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance as its peers know it: its public base URL ({@code cairn.base-url}, without a trailing slash), which
 * is the issuer of what it signs and the audience of what peers send it, and its display name.
 */
@Component
class ThisInstance {

    private final String baseUrl;
    private final String name;

    ThisInstance(@Value("${cairn.base-url:http://localhost:8080}") String baseUrl, FederationSettings settings) {
        this.baseUrl = PeerUrls.withoutTrailingSlash(baseUrl.trim());
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
