package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Fits the forecasts of the weekly incident counts of every category and business unit (level 5 of the maturity
 * model): Holt-Winters with a yearly season once two years of history exist, the next weeks with a 95 % interval,
 * and its own accuracy on the last eight weeks held out (fitted on the weeks before them: mean absolute error, mean
 * absolute percentage error, and how many of the held-out weeks fell inside the interval). The last complete week
 * is checked against the forecast made before it: a count outside its 99.7 % interval (three standard deviations)
 * and at least three incidents off is an anomaly, stored once and told to the coordinators. Safe on several nodes:
 * a fit replaces the row of its series, and an anomaly is stored (and told) only by the node that inserts it.
 */
@Component
class Forecasting {

    static final int SEASON = 52;
    static final int HOLD_OUT = 8;
    static final double INTERVAL = 1.96;
    static final double ANOMALY = 3.0;
    static final double MIN_GAP = 3.0;

    /** What a fit did: how many series it fitted, how many new anomalies it found, and how long it took. */
    record Fit(int series, int anomalies, long millis) {}

    private final WeeklyCounts weekly;
    private final ReportingSettings settings;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Forecasting(
            WeeklyCounts weekly,
            ReportingSettings settings,
            JdbcClient jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Clock clock) {
        this.weekly = weekly;
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${cairn.reporting.forecast-interval:PT6H}",
            fixedDelayString = "${cairn.reporting.forecast-interval:PT6H}")
    @Transactional
    public void onSchedule() {
        fitAll();
    }

    @Transactional
    Fit fitAll() {
        long started = System.nanoTime();
        int fitted = 0;
        int anomalies = 0;
        for (Dimension by : List.of(Dimension.CATEGORY, Dimension.BUSINESS_UNIT)) {
            for (WeeklyCounts.Series series : weekly.series(by)) {
                if (series.counts().length >= 3) {
                    anomalies += fit(by, series) ? 1 : 0;
                    fitted++;
                }
            }
        }
        return new Fit(fitted, anomalies, (System.nanoTime() - started) / 1_000_000);
    }

    /** Fits and stores one series; true when its last week is a new anomaly. */
    private boolean fit(Dimension by, WeeklyCounts.Series series) {
        double[] counts = series.counts();
        HoltWinters model = HoltWinters.fit(counts, SEASON);
        LocalDate next = series.firstWeek().plusWeeks(counts.length);
        List<Map<String, Object>> ahead = points(model.forecast(settings.forecastWeeks(), INTERVAL), next);
        Map<String, Object> fitted = new LinkedHashMap<>();
        fitted.put("alpha", model.alpha());
        fitted.put("beta", model.beta());
        fitted.put("gamma", model.gamma());
        fitted.put("period", model.period());
        fitted.put("sigma", Periods.round(model.sigma()));
        jdbc.sql("""
                insert into reporting_forecast (dimension, series, label, fitted_at, first_week, history, forecast,
                  model, accuracy)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)
                on conflict (dimension, series) do update set label = excluded.label, fitted_at = excluded.fitted_at,
                  first_week = excluded.first_week, history = excluded.history, forecast = excluded.forecast,
                  model = excluded.model, accuracy = excluded.accuracy""")
                .params(
                        by.code(),
                        series.key(),
                        series.label(),
                        Timestamp.from(clock.instant()),
                        series.firstWeek(),
                        json.writeValueAsString(counts),
                        json.writeValueAsString(ahead),
                        json.writeValueAsString(fitted),
                        json.writeValueAsString(Backtest.of(counts, HOLD_OUT, SEASON, INTERVAL)))
                .update();
        return anomaly(by, series);
    }

    private static List<Map<String, Object>> points(List<HoltWinters.Point> points, LocalDate first) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("week", first.plusWeeks(i).toString());
            point.put("expected", Periods.round(points.get(i).expected()));
            point.put("lower", Periods.round(points.get(i).lower()));
            point.put("upper", Periods.round(points.get(i).upper()));
            all.add(point);
        }
        return all;
    }

    /** Whether the last week fell far outside the forecast fitted on the weeks before it, told once if so. */
    private boolean anomaly(Dimension by, WeeklyCounts.Series series) {
        double[] counts = series.counts();
        if (counts.length < HOLD_OUT) {
            return false;
        }
        double[] before = java.util.Arrays.copyOf(counts, counts.length - 1);
        HoltWinters.Point expected =
                HoltWinters.fit(before, SEASON).forecast(1, ANOMALY).get(0);
        double actual = counts[counts.length - 1];
        boolean outside = actual > expected.upper() || actual < expected.lower();
        if (!outside || Math.abs(actual - expected.expected()) < MIN_GAP) {
            return false;
        }
        AnomalyDetected anomaly = new AnomalyDetected(
                by.code(),
                series.key(),
                series.label(),
                series.firstWeek().plusWeeks(counts.length - 1L),
                (long) actual,
                expected.expected(),
                expected.lower(),
                expected.upper(),
                clock.instant());
        boolean stored = store(anomaly);
        if (stored) {
            events.publishEvent(anomaly);
        }
        return stored;
    }

    /** Stores the anomaly unless it is stored already (by an earlier fit or another node); true when this one did. */
    private boolean store(AnomalyDetected anomaly) {
        return jdbc.sql("""
                        insert into reporting_anomaly (dimension, series, label, week, actual, expected, lower_bound,
                          upper_bound, detected_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                anomaly.dimension(),
                                anomaly.series(),
                                anomaly.label(),
                                anomaly.week(),
                                anomaly.actual(),
                                anomaly.expected(),
                                anomaly.lower(),
                                anomaly.upper(),
                                Timestamp.from(anomaly.at()))
                        .update()
                == 1;
    }
}
