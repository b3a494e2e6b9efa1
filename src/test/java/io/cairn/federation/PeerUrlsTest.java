package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://Cairn.Example.org/, https://cairn.example.org",
        "HTTPS://cairn.example.org:443/base//, https://cairn.example.org/base",
        "https://cairn.example.org:8443/cairn/, https://cairn.example.org:8443/cairn",
        "http://127.0.0.1:8080, http://127.0.0.1:8080",
        "http://localhost/, http://localhost",
        "http://[::1]:9000/x, http://[::1]:9000/x"
    })
    void normalisesSchemeHostPortAndPath(String given, String expected) {
        Outcome<String> outcome = PeerUrls.normalise("baseUrl", given, false);
        assertThat(outcome).isEqualTo(Outcome.done(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|baseUrl: is required",
                "ftp://cairn.example.org|baseUrl: must start with https://",
                "https://user:secret@cairn.example.org|baseUrl: must not carry a user name or password",
                "https://cairn.example.org/?a=b|baseUrl: must not have a query",
                "https://cairn.example.org/#top|baseUrl: must not have a fragment",
                "http://cairn.example.org|baseUrl: must use https",
                "https:///nohost|baseUrl: must name a host",
                "https://cairn.example.org/a/../b|baseUrl: must not have empty",
                "https://cairn.example.org/a//b|baseUrl: must not have empty",
                "https://cairn example.org|baseUrl: is not a URL",
                "javascript:alert(1)|baseUrl: must start with https://"
            })
    void refusesWhatItWouldHaveToGuessAt(@Nullable String given, String problem) {
        Outcome<String> outcome = PeerUrls.normalise("baseUrl", given, false);

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<String>) outcome).refusal().message()).startsWith(problem);
    }

    @Test
    void allowsPlainHttpToOtherHostsOnlyWhenConfigured() {
        assertThat(PeerUrls.normalise("baseUrl", "http://cairn.internal:8080/", true))
                .isEqualTo(Outcome.done("http://cairn.internal:8080"));
        assertThat(PeerUrls.normalise("baseUrl", "http://127.0.0.2.example.org", false))
                .isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void refusesAnOverLongUrl() {
        String longest = "https://cairn.example.org/" + "a".repeat(PeerUrls.MAX_LENGTH - 26);
        assertThat(PeerUrls.normalise("baseUrl", longest, false)).isEqualTo(Outcome.done(longest));
        assertThat(PeerUrls.normalise("baseUrl", longest + "a", false)).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void refusesCharactersThatAreNotPercentEncoded() {
        assertThat(PeerUrls.normalise("baseUrl", "https://cairn.example.org/\u00e9quipe", false))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(PeerUrls.normalise("baseUrl", "https://cairn.example.org/%C3%A9quipe", false))
                .isEqualTo(Outcome.done("https://cairn.example.org/%C3%A9quipe"));
    }
}
