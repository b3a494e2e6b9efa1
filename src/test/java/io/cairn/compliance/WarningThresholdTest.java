package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Warnings fall where the regime data puts them: GDPR-2's worked example (aware 2025-03-07T10:00Z, due
 * 2025-03-10T10:00Z, warned at T-50 %, T-12 h and T-1 h), a short clock without T-12 h, a month-scale clock at T-7 d
 * and T-2 d, and thresholds a regime file names.
 */
class WarningThresholdTest {

    private static final Regime GDPR = ObligationDerivationTest.shipped("gdpr.yaml");

    @Test
    void gdprsSupervisoryAuthorityClockWarnsAtHalfTimeTwelveHoursAndAnHourBeforeItIsDue() {
        Regime.Stage stage = GDPR.stage("supervisory-authority").orElseThrow();
        Instant aware = Instant.parse("2025-03-07T10:00:00Z");
        Instant due = Instant.parse("2025-03-10T10:00:00Z");
        assertThat(WarningThreshold.instants(stage.warnings(), aware, due))
                .containsExactly(
                        Instant.parse("2025-03-08T22:00:00Z"),
                        Instant.parse("2025-03-09T22:00:00Z"),
                        Instant.parse("2025-03-10T09:00:00Z"));
    }

    @Test
    void aClockShorterThan72HoursHasNoTwelveHourWarning() {
        Instant start = Instant.parse("2025-05-02T08:00:00Z");
        assertThat(WarningThreshold.instants(
                        WarningThreshold.defaults(new ClockRule.After("awareness", Duration.ofHours(24))),
                        start,
                        start.plus(Duration.ofHours(24))))
                .containsExactly(Instant.parse("2025-05-02T20:00:00Z"), Instant.parse("2025-05-03T07:00:00Z"));
    }

    @Test
    void aMonthScaleClockWarnsSevenAndTwoDaysBefore() {
        List<WarningThreshold> month = WarningThreshold.defaults(
                new ClockRule.CalendarPeriod("notification.submitted", java.time.Period.ofMonths(1), false));
        Instant start = Instant.parse("2025-01-31T10:00:00Z");
        Instant due = Instant.parse("2025-02-28T23:00:00Z");
        assertThat(WarningThreshold.instants(month, start, due))
                .containsExactly(Instant.parse("2025-02-21T23:00:00Z"), Instant.parse("2025-02-26T23:00:00Z"));
    }

    @Test
    void aRegimeFileMayNameItsOwnThresholds() {
        assertThat(WarningThreshold.parse("75%")).contains(new WarningThreshold(75, null));
        assertThat(WarningThreshold.parse("PT6H")).contains(new WarningThreshold(null, Duration.ofHours(6)));
        assertThat(WarningThreshold.parse("P7D")).contains(new WarningThreshold(null, Duration.ofDays(7)));
        assertThat(WarningThreshold.parse("100%")).isEmpty();
        assertThat(WarningThreshold.parse("-PT1H")).isEmpty();
        assertThat(WarningThreshold.parse("soon")).isEmpty();
    }
}
