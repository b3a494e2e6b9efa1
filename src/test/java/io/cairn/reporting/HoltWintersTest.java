package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holt-Winters on series whose next values are known, and its interval against a spike. */
class HoltWintersTest {

    @Test
    void aSeasonalSeriesWithATrendIsForecastAsItContinues() {
        // 10 + t/2 plus a season of four: +5, -5, +3, -3. Weeks 40 to 43 continue it: 35, 25.5, 34, 28.5.
        double[] season = {5, -5, 3, -3};
        double[] history = new double[40];
        for (int t = 0; t < history.length; t++) {
            history[t] = 10 + t / 2.0 + season[t % 4];
        }
        List<HoltWinters.Point> next = HoltWinters.fit(history, 4).forecast(4, 1.96);
        assertThat(next)
                .extracting(HoltWinters.Point::expected)
                .satisfiesExactly(
                        first -> assertThat(first).isCloseTo(35.0, within(0.5)),
                        second -> assertThat(second).isCloseTo(25.5, within(0.5)),
                        third -> assertThat(third).isCloseTo(34.0, within(0.5)),
                        fourth -> assertThat(fourth).isCloseTo(28.5, within(0.5)));
    }

    @Test
    void aHistoryShorterThanTwoSeasonsIsForecastWithItsTrendOnly() {
        double[] history = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        HoltWinters model = HoltWinters.fit(history, 52);
        assertThat(model.period()).isZero();
        assertThat(model.forecast(2, 1.96))
                .extracting(HoltWinters.Point::expected)
                .satisfiesExactly(
                        first -> assertThat(first).isCloseTo(21.0, within(0.01)),
                        second -> assertThat(second).isCloseTo(23.0, within(0.01)));
    }

    @Test
    void anInjectedSpikeFallsOutsideTheIntervalAndAnOrdinaryWeekInsideIt() {
        double[] history = noisyWeeks(120);
        HoltWinters.Point next = HoltWinters.fit(history, 52).forecast(1, 3.0).get(0);
        double ordinary = 20 + 8 * Math.sin(2 * Math.PI * 120 / 52.0);
        assertThat(ordinary).isBetween(next.lower(), next.upper());
        assertThat(ordinary * 3).isGreaterThan(next.upper());
    }

    @Test
    void theIntervalWidensWithTheHorizonAndNeverGoesBelowZero() {
        List<HoltWinters.Point> ahead = HoltWinters.fit(noisyWeeks(120), 52).forecast(8, 1.96);
        for (int i = 1; i < ahead.size(); i++) {
            assertThat(ahead.get(i).upper() - ahead.get(i).lower())
                    .isGreaterThanOrEqualTo(
                            ahead.get(i - 1).upper() - ahead.get(i - 1).lower() - 1e-9);
        }
        assertThat(ahead).allSatisfy(point -> assertThat(point.lower()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void theBacktestMeasuresTheHeldOutWeeks() {
        double[] history = noisyWeeks(120);
        var accuracy = Backtest.of(history, 8, 52, 1.96);
        assertThat(accuracy).isNotNull();
        assertThat(accuracy.get("heldOut")).isEqualTo(8);
        assertThat((Double) accuracy.get("mae")).isLessThan(3.0);
        assertThat((Double) accuracy.get("coverage")).isGreaterThanOrEqualTo(75.0);
        assertThat(Backtest.of(new double[10], 8, 52, 1.96)).isNull();
    }

    /** A yearly wave around 20 incidents a week with a small, fixed wobble. */
    private static double[] noisyWeeks(int weeks) {
        double[] counts = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            counts[t] = 20 + 8 * Math.sin(2 * Math.PI * t / 52.0) + ((t * 7919) % 5 - 2);
        }
        return counts;
    }
}
