package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bearer tokens remembered for a few seconds, and forgotten on any change to identity. */
class RecentTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AtomicInteger lookUps = new AtomicInteger();
    private final RecentTokens.TokenLookup token = new RecentTokens.TokenLookup(UUID.randomUUID(), null, null, null,
            new Actor(new UserId(UUID.randomUUID()), "robot", "Robot", Set.of(Role.HANDLER), Set.of()), true);

    private Optional<RecentTokens.TokenLookup> lookUp() {
        lookUps.incrementAndGet();
        return Optional.of(token);
    }

    @Test
    void looksATokenUpOnceWithinTheTimeToLive() {
        RecentTokens recent = new RecentTokens(Duration.ofSeconds(5));
        recent.find("a", NOW, this::lookUp);
        recent.find("a", NOW.plusSeconds(4), this::lookUp);
        assertThat(lookUps).hasValue(1);
        recent.find("a", NOW.plusSeconds(5), this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void forgetsEveryTokenWhenIdentityChanges() {
        RecentTokens recent = new RecentTokens(Duration.ofSeconds(5));
        recent.find("a", NOW, this::lookUp);
        recent.forgetAll();
        recent.find("a", NOW, this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void anUnknownTokenIsNotRemembered() {
        RecentTokens recent = new RecentTokens(Duration.ofSeconds(5));
        assertThat(recent.find("b", NOW, Optional::empty)).isEmpty();
        assertThat(recent.find("b", NOW, this::lookUp)).contains(token);
    }

    @Test
    void aTimeToLiveOfZeroLooksUpEveryTime() {
        RecentTokens recent = new RecentTokens(Duration.ZERO);
        recent.find("a", NOW, this::lookUp);
        recent.find("a", NOW, this::lookUp);
        assertThat(lookUps).hasValue(2);
    }
}
