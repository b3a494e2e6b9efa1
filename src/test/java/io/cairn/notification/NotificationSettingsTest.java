package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The wait between attempts is drawn between the first retry delay and a ceiling that doubles after each failure, up
 * to the maximum, so that notifications that failed together are not tried again together.
 */
class NotificationSettingsTest {

    private static final long SEED = 20_261_123L;

    private final NotificationSettings settings =
            new NotificationSettings(8, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofSeconds(10), 50);

    /** A random source that always draws the lowest value. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    /** A random source that always draws the highest value. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void theCeilingDoublesAfterEachFailedAttempt() {
        assertThat(settings.ceilingAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.ceilingAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.ceilingAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.ceilingAfter(4)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void theWaitRunsFromTheFirstRetryDelayToTheCeiling() {
        assertThat(settings.delayAfter(1, LOWEST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.delayAfter(1, HIGHEST)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.delayAfter(4, LOWEST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.delayAfter(4, HIGHEST)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void theWaitNeverExceedsTheMaximumHoweverManyAttemptsFailed() {
        assertThat(settings.ceilingAfter(5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.ceilingAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.delayAfter(1_000, HIGHEST)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void everyDrawnWaitLiesWithinItsBounds() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int failed = 1; failed <= 10; failed++) {
            for (int draw = 0; draw < 1_000; draw++) {
                assertThat(settings.delayAfter(failed, random))
                        .as("seed %d, %d failed attempts", SEED, failed)
                        .isBetween(Duration.ofMinutes(1), settings.ceilingAfter(failed));
            }
        }
    }

    @Test
    void notificationsThatFailedTogetherAreTriedAgainAtDifferentMoments() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Duration> waits = IntStream.range(0, 100)
                .mapToObj(n -> settings.delayAfter(1, random))
                .toList();

        assertThat(waits).as("seed %d", SEED).doesNotHaveDuplicates();
        assertThat(waits.stream()
                        .filter(wait -> wait.compareTo(Duration.ofSeconds(90)) < 0)
                        .count())
                .as("about half in each half of the window, seed %d", SEED)
                .isBetween(30L, 70L);
    }

    @Test
    void aMaximumBelowTheFirstRetryDelayBoundsEveryWait() {
        NotificationSettings tight =
                new NotificationSettings(8, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(10), 50);
        assertThat(tight.delayAfter(1, HIGHEST)).isEqualTo(Duration.ofMinutes(5));
        assertThat(tight.delayAfter(1, LOWEST)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        NotificationSettings defaults = new NotificationSettings(0, null, null, null, 0);
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.delayAfter(1, LOWEST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.ceilingAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.ceilingAfter(100)).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.batchSize()).isEqualTo(50);
    }
}
