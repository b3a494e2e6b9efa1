package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * This instance signs as, and is addressed by, its base URL in the normal form its peers store it in, so that the
 * issuer and the audience of a message match whatever way the base URL was written in the configuration.
 */
class ThisInstanceTest {

    private static final FederationSettings DEFAULTS =
            new FederationSettings(null, null, false, null, null, null, null, 0, null, null, 0, null, null, null);

    @Test
    void theBaseUrlIsKeptInThePeersNormalForm() {
        ThisInstance instance = new ThisInstance("  HTTPS://Cairn.Example.ORG:443/desk/ ", DEFAULTS);

        assertThat(instance.baseUrl()).isEqualTo("https://cairn.example.org/desk");
        assertThat(instance.url("/federation/v1/inbox"))
                .isEqualTo("https://cairn.example.org/desk/federation/v1/inbox");
        assertThat(instance.name()).isEqualTo("cairn.example.org");
    }

    @Test
    void aBaseUrlNoPeerCouldRegisterStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> new ThisInstance("https://cairn.example.org/?tenant=1", DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cairn.base-url");
        assertThatThrownBy(() ->
                        new ThisInstance("https://cairn.example.org/" + "a".repeat(PeerUrls.MAX_LENGTH), DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cairn.base-url");
    }
}
