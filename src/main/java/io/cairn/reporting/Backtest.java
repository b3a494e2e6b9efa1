package io.cairn.reporting;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How well a forecast would have done: fitted on the history without its last weeks, then compared with them. The mean
 * absolute error (incidents per week), the mean absolute percentage error (over the weeks that had incidents), and
 * the share of the held-out weeks inside the interval (a 95 % interval should hold about 95 %).
 */
final class Backtest {

    private Backtest() {}

    /** The accuracy on the last {@code held} weeks, or null when the history is too short to spare them. */
    static @Nullable Map<String, @Nullable Object> of(double[] counts, int held, int season, double z) {
        if (counts.length < 2 * held) {
            return null;
        }
        double[] training = Arrays.copyOf(counts, counts.length - held);
        List<HoltWinters.Point> forecast = HoltWinters.fit(training, season).forecast(held, z);
        double absolute = 0;
        double percentage = 0;
        int withIncidents = 0;
        int inside = 0;
        for (int i = 0; i < held; i++) {
            double actual = counts[training.length + i];
            HoltWinters.Point point = forecast.get(i);
            absolute += Math.abs(actual - point.expected());
            if (actual > 0) {
                percentage += Math.abs(actual - point.expected()) / actual;
                withIncidents++;
            }
            inside += actual >= point.lower() && actual <= point.upper() ? 1 : 0;
        }
        Map<String, @Nullable Object> accuracy = new LinkedHashMap<>();
        accuracy.put("heldOut", held);
        accuracy.put("mae", Periods.round(absolute / held));
        accuracy.put("mape", withIncidents == 0 ? null : Periods.round(100 * percentage / withIncidents));
        accuracy.put("coverage", Periods.share(inside, held));
        return accuracy;
    }
}
