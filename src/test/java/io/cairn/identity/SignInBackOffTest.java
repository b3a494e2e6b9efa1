package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The wait {@link SignInThrottle} imposes after failed sign-ins, without a database: two free failures, then 1, 2,
 * 4, ... seconds, at most 1024; a lockout lasts until it ends; old failures are forgotten. (How failures are counted
 * and locked out in the database, shared by nodes, is {@code SignInThrottleTest}'s part.)
 */
class SignInBackOffTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Instant LAST_FAILURE = Instant.parse("2026-05-04T08:00:00Z");

    private static Duration waitAfter(int failures, @Nullable Instant lockedUntil, Instant now) {
        return SignInThrottle.waitAfter(failures, LAST_FAILURE, lockedUntil, now, LOCKOUT);
    }

    @Test
    void twoFailuresCostNothingAndFromTheThirdOnTheWaitDoublesUpTo1024Seconds() {
        assertThat(waitAfter(1, null, LAST_FAILURE)).isZero();
        assertThat(waitAfter(2, null, LAST_FAILURE)).isZero();
        assertThat(waitAfter(3, null, LAST_FAILURE)).hasSeconds(1);
        assertThat(waitAfter(4, null, LAST_FAILURE)).hasSeconds(2);
        assertThat(waitAfter(5, null, LAST_FAILURE)).hasSeconds(4);
        assertThat(waitAfter(13, null, LAST_FAILURE)).hasSeconds(1024);
        assertThat(waitAfter(40, null, LAST_FAILURE)).hasSeconds(1024);
    }

    @Test
    void theWaitCountsFromTheLastFailure() {
        assertThat(waitAfter(6, null, LAST_FAILURE.plusSeconds(3))).hasSeconds(5);
        assertThat(waitAfter(6, null, LAST_FAILURE.plusSeconds(8))).isZero();
    }

    @Test
    void aLockoutLastsUntilItEndsWhateverTheFailures() {
        Instant lockedUntil = LAST_FAILURE.plus(LOCKOUT);

        assertThat(waitAfter(10, lockedUntil, LAST_FAILURE.plusSeconds(60))).isEqualTo(LOCKOUT.minusSeconds(60));
        assertThat(waitAfter(1, lockedUntil, LAST_FAILURE.plusSeconds(60))).isEqualTo(LOCKOUT.minusSeconds(60));
        assertThat(waitAfter(10, lockedUntil, lockedUntil)).isZero();
    }

    @Test
    void failuresLongerAgoThanTheLockoutAreForgotten() {
        assertThat(waitAfter(13, null, LAST_FAILURE.plus(LOCKOUT).plusSeconds(1)))
                .isZero();
        assertThat(waitAfter(13, null, LAST_FAILURE.plus(LOCKOUT).minusSeconds(1)))
                .hasSeconds(1024 - 899);
    }

    /**
     * A property over random failure counts and moments, with and without the lockout the last failure started: the
     * wait is never negative nor longer than the longest back-off or the lockout; a lockout is waited out to its end;
     * without one the wait never grows as time passes; once the lockout period has passed since the last failure,
     * nothing is left to wait.
     */
    @RepeatedTest(200)
    void theWaitNeverGrowsAsTimePassesAndEnds() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        int failures = random.nextInt(30);
        Instant lockedUntil = random.nextBoolean() ? null : LAST_FAILURE.plus(LOCKOUT);
        Duration previous = null;
        Instant now = LAST_FAILURE.minusSeconds(random.nextInt(5));
        for (int step = 0; step < 30; step++) {
            Duration wait = waitAfter(failures, lockedUntil, now);
            String context =
                    Seeds.replay(seed) + ": " + failures + " failures, locked until " + lockedUntil + ", at " + now;
            assertThat(wait).as(context).isGreaterThanOrEqualTo(Duration.ZERO);
            assertThat(wait)
                    .as(context)
                    .isLessThanOrEqualTo(Duration.ofSeconds(1024 + 5).plus(LOCKOUT));
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                assertThat(wait).as(context).isEqualTo(Duration.between(now, lockedUntil));
            }
            if (previous != null && lockedUntil == null) {
                assertThat(wait).as(context).isLessThanOrEqualTo(previous);
            }
            previous = wait;
            now = now.plusSeconds(random.nextInt(120));
        }
        Instant muchLater = LAST_FAILURE.plus(LOCKOUT).plusSeconds(1 + random.nextInt(3600));
        assertThat(waitAfter(failures, lockedUntil, muchLater))
                .as(Seeds.replay(seed))
                .isZero();
    }
}
