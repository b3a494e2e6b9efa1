package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session reads its user again after a change on this node, or once the configured refresh has passed. */
class IdentityGenerationTest {

    private static final Instant LOADED = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSessionTrustsItsUserForTheConfiguredTimeWhenNothingChangedHere() {
        IdentityGeneration generation = new IdentityGeneration(Duration.ofSeconds(30));

        assertThat(generation.stale(generation.current(), LOADED, LOADED.plusSeconds(29)))
                .isFalse();
        assertThat(generation.stale(generation.current(), LOADED, LOADED.plusSeconds(30)))
                .isTrue();
    }

    @Test
    void aChangeOnThisNodeMakesEverySessionReadItsUserAgainAtOnce() {
        IdentityGeneration generation = new IdentityGeneration(Duration.ofMinutes(5));
        long seen = generation.current();

        generation.changed();

        assertThat(generation.stale(seen, LOADED, LOADED)).isTrue();
    }

    @Test
    void aRefreshOfZeroReadsTheUserOnEveryRequest() {
        IdentityGeneration generation = new IdentityGeneration(Duration.ZERO);

        assertThat(generation.stale(generation.current(), LOADED, LOADED)).isTrue();
    }

    @Test
    void aNegativeRefreshIsRefusedAtStart() {
        assertThatThrownBy(() -> new IdentityGeneration(Duration.ofSeconds(-1)))
                .hasMessageContaining("cairn.session.user-refresh");
    }
}
