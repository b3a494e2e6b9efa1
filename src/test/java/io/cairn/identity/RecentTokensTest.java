package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bearer tokens remembered for a few seconds, and forgotten on any change to identity. */
class RecentTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AtomicInteger lookUps = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final RecentTokens.TokenLookup token = new RecentTokens.TokenLookup(
            UUID.randomUUID(),
            null,
            null,
            null,
            new Actor(new UserId(UUID.randomUUID()), "robot", "Robot", Set.of(Role.HANDLER), Set.of()),
            true);

    private Optional<RecentTokens.TokenLookup> lookUp() {
        lookUps.incrementAndGet();
        return Optional.of(token);
    }

    private RecentTokens remembering(Duration timeToLive) {
        return new RecentTokens(timeToLive, nanos::get);
    }

    private void waitFor(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void looksATokenUpOnceWithinTheTimeToLive() {
        RecentTokens recent = remembering(Duration.ofSeconds(5));
        recent.find("a", this::lookUp);
        waitFor(Duration.ofSeconds(4));
        recent.find("a", this::lookUp);
        assertThat(lookUps).hasValue(1);
        waitFor(Duration.ofSeconds(1));
        recent.find("a", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void aTokenMarkedAsUsedIsStillLookedUpAgainWhenItsTimeToLiveEnds() {
        RecentTokens recent = remembering(Duration.ofSeconds(5));
        recent.find("a", this::lookUp);
        waitFor(Duration.ofSeconds(4));
        recent.used("a", token.usedAt(NOW));
        assertThat(recent.find("a", this::lookUp))
                .hasValueSatisfying(found -> assertThat(found.lastUsedAt()).isEqualTo(NOW));
        waitFor(Duration.ofSeconds(1));
        recent.find("a", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void forgetsEveryTokenWhenIdentityChanges() {
        RecentTokens recent = remembering(Duration.ofSeconds(5));
        recent.find("a", this::lookUp);
        recent.forgetAll();
        recent.find("a", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void anUnknownTokenIsNotRemembered() {
        RecentTokens recent = remembering(Duration.ofSeconds(5));
        assertThat(recent.find("b", Optional::empty)).isEmpty();
        assertThat(recent.find("b", this::lookUp)).contains(token);
    }

    @Test
    void aTimeToLiveOfZeroLooksUpEveryTime() {
        RecentTokens recent = remembering(Duration.ZERO);
        recent.find("a", this::lookUp);
        recent.find("a", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void manyDistinctTokensWithinOneTimeToLiveKeepAtMostTheBoundInMemory() {
        RecentTokens recent = remembering(Duration.ofSeconds(5));
        for (int i = 0; i < RecentTokens.MAX_ENTRIES * 2; i++) {
            recent.find("token-" + i, this::lookUp);
        }
        assertThat(recent.remembered()).isLessThanOrEqualTo(RecentTokens.MAX_ENTRIES);
    }
}
