package io.cairn.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A figure the maturity view computes live from the data over its window (the last twelve months by default), its
 * unit, and the metric of the API and the dashboards that shows it in detail (null where no metric does).
 */
public enum MaturityIndicator {
    /** Incidents reported in the window. */
    INCIDENTS_LOGGED(Unit.COUNT, "volume"),
    /** Of the window's incidents reported more than 30 days ago, the share closed or dismissed. */
    CLOSED_SHARE(Unit.PERCENT, "volume"),
    /** Of the window's incidents, the share that names its business unit. */
    BUSINESS_UNIT_SHARE(Unit.PERCENT, "breakdown"),
    /** The playbooks in use (not retired). */
    PLAYBOOKS(Unit.COUNT, null),
    /** Of the window's incidents not dismissed, the share a person triaged (impact x urgency gave the priority). */
    PRIORITISED_SHARE(Unit.PERCENT, "breakdown"),
    /** The business units the window's incidents came from. */
    BUSINESS_UNITS(Unit.COUNT, "breakdown"),
    /** Days since the last review of an incident was completed. */
    DAYS_SINCE_REVIEW(Unit.DAYS, "root-causes"),
    /** Of the window's triaged incidents, the share whose detection source is recorded. */
    DETECTION_RECORDED_SHARE(Unit.PERCENT, "detection"),
    /** Of the window's serious incidents, the share with a root cause found in a completed review. */
    SERIOUS_ROOT_CAUSE_SHARE(Unit.PERCENT, "seriousness"),
    /** Of the window's serious incidents, the share closed (resolved, not dismissed). */
    SERIOUS_RESOLVED_SHARE(Unit.PERCENT, "seriousness"),
    /** Of the window's incidents with a known root cause, the share that recurred. */
    RECURRING_SHARE(Unit.PERCENT, "recurrence"),
    /** Of the decided response and resolution clocks of the window's incidents, the share met. */
    SLA_MET_SHARE(Unit.PERCENT, "sla"),
    /** Days since the forecasts were last fitted. */
    DAYS_SINCE_FORECAST(Unit.DAYS, null),
    /** The forecasts' mean share of held-out weeks inside their interval (backtesting). */
    FORECAST_COVERAGE(Unit.PERCENT, null),
    /** Of the window's incidents with a detection source, the share a system identified. */
    AUTOMATED_SHARE(Unit.PERCENT, "detection");

    /** How an indicator's value is counted. */
    public enum Unit {
        COUNT,
        PERCENT,
        DAYS
    }

    private final Unit unit;
    private final @Nullable String metric;

    MaturityIndicator(Unit unit, @Nullable String metric) {
        this.unit = unit;
        this.metric = metric;
    }

    /** The indicator as the model file and the API name it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Unit unit() {
        return unit;
    }

    /** The metric that shows the figure in detail, or null. */
    public @Nullable String metric() {
        return metric;
    }

    static Optional<MaturityIndicator> named(String code) {
        return Arrays.stream(values())
                .filter(indicator -> indicator.code().equals(code))
                .findFirst();
    }
}
