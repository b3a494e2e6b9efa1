package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait between attempts doubles after each failure, up to a ceiling. */
class NotificationSettingsTest {

    private final NotificationSettings settings = new NotificationSettings(8, Duration.ofMinutes(1),
            Duration.ofMinutes(30), Duration.ofSeconds(10), 50);

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void theWaitNeverExceedsTheCeilingHoweverManyAttemptsFailed() {
        assertThat(settings.delayAfter(6)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        NotificationSettings defaults = new NotificationSettings(0, null, null, null, 0);
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.batchSize()).isEqualTo(50);
    }
}
