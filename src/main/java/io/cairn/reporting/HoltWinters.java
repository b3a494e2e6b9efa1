package io.cairn.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Additive Holt-Winters (triple exponential smoothing): a level, a trend and a season of {@code period} steps,
 * smoothed with {@code alpha}, {@code beta} and {@code gamma}. {@link #fit} chooses the three on a grid by the sum of
 * squared one-step-ahead errors over the history, the usual way (Hyndman and Athanasopoulos, "Forecasting: Principles
 * and Practice", 8.3); a history shorter than two seasons is fitted without a season (Holt's linear trend). The
 * spread of the one-step errors gives the forecast's interval, widened with the horizon as the model's variance grows
 * (ibid., table 8.8, for the additive model).
 *
 * <p>A small implementation rather than a library: the well-kept Java forecasting libraries are GPL (Smile), which
 * Apache-2.0 rules out, or far larger than this (and the model is 60 lines that the tests check against known
 * answers).
 *
 * @param alpha how fast the level follows the data (0..1)
 * @param beta how fast the trend does
 * @param gamma how fast the season does
 * @param period the season's length in steps (52 for weeks in a year); 0 for no season
 * @param level the level after the last observation
 * @param trend the trend after it
 * @param season the seasonal effects, the one of the step after the last observation first
 * @param sigma the standard deviation of the one-step-ahead errors over the history
 */
record HoltWinters(
        double alpha,
        double beta,
        double gamma,
        int period,
        double level,
        double trend,
        double[] season,
        double sigma) {

    private static final double[] GRID = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** A forecast step: the expected value and its interval (never below zero, as counts are not). */
    record Point(double expected, double lower, double upper) {}

    /**
     * The model that best explains the history (at least three observations), with the season's length when the
     * history holds two seasons.
     */
    static HoltWinters fit(double[] history, int period) {
        if (history.length < 3) {
            throw new IllegalArgumentException("a forecast needs at least three observations, not " + history.length);
        }
        int seasonal = period > 1 && history.length >= 2 * period ? period : 0;
        Smoothed first = smooth(history, GRID[0], GRID[0], seasonal == 0 ? 0 : GRID[0], seasonal);
        HoltWinters best = first.model;
        double bestError = first.squaredError;
        for (double alpha : GRID) {
            for (double beta : seasonal == 0 ? GRID : new double[] {0.05, 0.1, 0.2}) {
                for (double gamma : seasonal == 0 ? new double[] {0} : GRID) {
                    Smoothed run = smooth(history, alpha, beta, gamma, seasonal);
                    if (run.squaredError < bestError) {
                        bestError = run.squaredError;
                        best = run.model;
                    }
                }
            }
        }
        return best;
    }

    /** The next {@code steps} values with their interval at {@code z} standard deviations (1.96 for 95 %). */
    List<Point> forecast(int steps, double z) {
        List<Point> points = new ArrayList<>();
        double variance = 0;
        for (int h = 1; h <= steps; h++) {
            double expected = level + h * trend + (period == 0 ? 0 : season[(h - 1) % period]);
            int j = h - 1;
            variance += j == 0 ? 1 : Math.pow(alpha * (1 + j * beta) + (period > 0 && j % period == 0 ? gamma : 0), 2);
            double spread = z * sigma * Math.sqrt(variance);
            points.add(
                    new Point(Math.max(0, expected), Math.max(0, expected - spread), Math.max(0, expected + spread)));
        }
        return points;
    }

    private record Smoothed(HoltWinters model, double squaredError) {}

    private static Smoothed smooth(double[] y, double alpha, double beta, double gamma, int m) {
        double[] season = new double[Math.max(m, 1)];
        double[] start = initial(y, m, season);
        double level = start[0];
        double trend = start[1];
        double squared = 0;
        int errors = 0;
        for (int t = m == 0 ? 1 : m; t < y.length; t++) {
            double seasonal = m == 0 ? 0 : season[t % m];
            double predicted = level + trend + seasonal;
            double error = y[t] - predicted;
            squared += error * error;
            errors++;
            double previous = level;
            level = alpha * (y[t] - seasonal) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            if (m > 0) {
                season[t % m] = gamma * (y[t] - level) + (1 - gamma) * seasonal;
            }
        }
        double[] ahead = new double[Math.max(m, 1)];
        for (int i = 0; i < m; i++) {
            ahead[i] = season[(y.length + i) % m];
        }
        double sigma = errors < 2 ? 0 : Math.sqrt(squared / (errors - 1));
        return new Smoothed(
                new HoltWinters(alpha, beta, gamma, m, level, trend, m == 0 ? new double[0] : ahead, sigma), squared);
    }

    /** The level and trend to start from, and the first season's effects filled in: the first two seasons' means. */
    private static double[] initial(double[] y, int m, double[] season) {
        if (m == 0) {
            return new double[] {y[0], y[1] - y[0]};
        }
        double first = mean(y, 0, m);
        double second = mean(y, m, 2 * m);
        for (int i = 0; i < m; i++) {
            season[i] = y[i] - first;
        }
        return new double[] {first, (second - first) / m};
    }

    private static double mean(double[] y, int from, int to) {
        return Arrays.stream(y, from, to).average().orElse(0);
    }
}
