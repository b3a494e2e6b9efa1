package io.cairn.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A retry policy's waits grow from the initial delay to the maximum, stay within their bounds and spread items that
 * failed together; it gives up after its attempts or its time, whichever comes first. The properties are checked over
 * many policies drawn at random from a fixed seed (jqwik, which DESIGN names, still needs JUnit Platform 1).
 */
class RetryPolicyTest {

    private static final long SEED = 20_261_203L;
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    /** A policy with delays between a millisecond and a day, either jitter, drawn from the random source. */
    private static RetryPolicy anyPolicy(SplittableRandom random) {
        Duration initial = Duration.ofMillis(random.nextLong(1, 86_400_000L));
        Duration max = Duration.ofMillis(random.nextLong(1, 86_400_000L));
        RetryPolicy.Jitter jitter = random.nextBoolean() ? RetryPolicy.Jitter.FULL : RetryPolicy.Jitter.EQUAL;
        return RetryPolicy.upToAttempts(random.nextInt(1, 20), initial, max, jitter);
    }

    @Test
    void theCeilingNeverShrinksFromOneFailureToTheNextAndEndsAtTheMaximum() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < 1_000; run++) {
            RetryPolicy policy = anyPolicy(random);
            for (int failed = 1; failed < 64; failed++) {
                assertThat(policy.ceilingAfter(failed + 1))
                        .as("seed %d, %s after %d failures", SEED, policy, failed)
                        .isGreaterThanOrEqualTo(policy.ceilingAfter(failed));
            }
            assertThat(policy.ceilingAfter(64)).as("seed %d, %s", SEED, policy).isEqualTo(policy.maxDelay());
        }
    }

    @Test
    void everyWaitLiesBetweenTheFloorAndTheCeilingAndNeverBeyondTheMaximum() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < 1_000; run++) {
            RetryPolicy policy = anyPolicy(random);
            Duration floor = min(policy.initialDelay(), policy.maxDelay());
            for (int failed = 1; failed <= 40; failed++) {
                Duration wait = policy.delayAfter(failed, random);
                Duration ceiling = policy.ceilingAfter(failed);
                assertThat(wait)
                        .as("seed %d, %s after %d failures", SEED, policy, failed)
                        .isBetween(floor, ceiling)
                        .isLessThanOrEqualTo(policy.maxDelay());
                if (policy.jitter() == RetryPolicy.Jitter.EQUAL) {
                    assertThat(wait).as("seed %d, %s", SEED, policy).isGreaterThanOrEqualTo(ceiling.dividedBy(2));
                }
            }
        }
    }

    @Test
    void theAverageWaitGrowsWithEachFailureUntilTheMaximum() {
        for (RetryPolicy.Jitter jitter : RetryPolicy.Jitter.values()) {
            RetryPolicy policy = RetryPolicy.upToAttempts(10, Duration.ofSeconds(1), Duration.ofHours(1), jitter);
            SplittableRandom random = new SplittableRandom(SEED);
            double previous = 0;
            for (int failed = 1; failed <= 10; failed++) {
                int attempts = failed;
                double average = IntStream.range(0, 2_000)
                        .mapToLong(n -> policy.delayAfter(attempts, random).toMillis())
                        .average()
                        .orElseThrow();
                assertThat(average)
                        .as("%s after %d failures, seed %d", jitter, failed, SEED)
                        .isGreaterThan(previous);
                previous = average;
            }
        }
    }

    @Test
    void itemsThatFailedTogetherAreTriedAgainAtDifferentMomentsSpreadOverTheWindow() {
        for (RetryPolicy.Jitter jitter : RetryPolicy.Jitter.values()) {
            RetryPolicy policy = RetryPolicy.upToAttempts(8, Duration.ofMinutes(1), Duration.ofHours(6), jitter);
            SplittableRandom random = new SplittableRandom(SEED);
            Duration floor = jitter == RetryPolicy.Jitter.FULL ? Duration.ofMinutes(1) : Duration.ofMinutes(4);
            Duration ceiling = policy.ceilingAfter(3);
            Duration middle = floor.plus(ceiling).dividedBy(2);

            var waits = IntStream.range(0, 200)
                    .mapToObj(n -> policy.delayAfter(3, random))
                    .toList();

            assertThat(waits).as("%s, seed %d", jitter, SEED).doesNotHaveDuplicates();
            assertThat(waits.stream().filter(wait -> wait.compareTo(middle) < 0).count())
                    .as("about half in each half of the window, %s, seed %d", jitter, SEED)
                    .isBetween(70L, 130L);
        }
    }

    @Test
    void anAttemptsLimitGivesUpAtTheLastAttemptHoweverSoon() {
        RetryPolicy policy =
                RetryPolicy.upToAttempts(3, Duration.ofSeconds(1), Duration.ofMinutes(1), RetryPolicy.Jitter.FULL);

        assertThat(policy.retryAt(2, T0, T0.plusSeconds(5), new SplittableRandom(SEED)))
                .isPresent();
        assertThat(policy.retryAt(3, T0, T0.plusSeconds(5), new SplittableRandom(SEED)))
                .isEmpty();
    }

    @Test
    void aGiveUpTimeGivesUpAtTheFirstFailureOnceItHasPassedHoweverFewTheAttempts() {
        RetryPolicy policy = RetryPolicy.forAtMost(
                Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(10), RetryPolicy.Jitter.EQUAL);

        assertThat(policy.retryAt(40, T0, T0.plus(Duration.ofMinutes(59)), new SplittableRandom(SEED)))
                .hasValueSatisfying(at -> assertThat(at).isAfter(T0.plus(Duration.ofMinutes(59))));
        assertThat(policy.retryAt(1, T0, T0.plus(Duration.ofHours(1)), new SplittableRandom(SEED)))
                .isEmpty();
    }

    @Test
    void withBothLimitsWhicheverComesFirstGivesUp() {
        RetryPolicy policy = new RetryPolicy(
                Duration.ofSeconds(1), Duration.ofMinutes(1), RetryPolicy.Jitter.FULL, 5, Duration.ofHours(1));

        assertThat(policy.givesUp(5, T0, T0.plusSeconds(10))).isTrue();
        assertThat(policy.givesUp(1, T0, T0.plus(Duration.ofHours(2)))).isTrue();
        assertThat(policy.givesUp(4, T0, T0.plus(Duration.ofMinutes(59)))).isFalse();
    }

    @Test
    void aPolicyThatWouldNeverGiveUpOrWaitNotAtAllIsRefused() {
        assertThatThrownBy(() ->
                        new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), RetryPolicy.Jitter.FULL, 0, null))
                .hasMessageContaining("never gives up");
        assertThatThrownBy(() -> RetryPolicy.upToAttempts(
                        0, Duration.ofSeconds(1), Duration.ofMinutes(1), RetryPolicy.Jitter.FULL))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() ->
                        RetryPolicy.upToAttempts(3, Duration.ZERO, Duration.ofMinutes(1), RetryPolicy.Jitter.FULL))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryPolicy.forAtMost(
                        Duration.ofSeconds(-1), Duration.ofSeconds(1), Duration.ofMinutes(1), RetryPolicy.Jitter.FULL))
                .hasMessageContaining("giveUpAfter");
    }

    @Test
    void aTableNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new QueueTables("outbox; drop table x", "log", "item_id"))
                .hasMessageContaining("queue");
        assertThatThrownBy(() -> new QueueTables("outbox", "Log", "item_id")).hasMessageContaining("log");
        assertThat(new QueueTables("federation_push", "federation_push_delivery", "push_id").queue())
                .isEqualTo("federation_push");
    }

    private static Duration min(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }
}
