package io.cairn.reporting;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The forecasts and anomalies as their readers see them (coordinators, admins, auditors), and a fit on demand
 * (coordinators and admins), which the schedule otherwise runs.
 */
@Component
class Forecasts {

    private final Forecasting forecasting;
    private final IdentityManagement identity;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Forecasts(Forecasting forecasting, IdentityManagement identity, JdbcClient jdbc, ObjectMapper json) {
        this.forecasting = forecasting;
        this.identity = identity;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    Outcome<List<ForecastView>> forecasts(@Nullable String by) {
        String dimension = by == null || by.isBlank() ? "category" : by.strip();
        Optional<Dimension> chosen = Arrays.stream(new Dimension[] {Dimension.CATEGORY, Dimension.BUSINESS_UNIT})
                .filter(d -> d.code().equals(dimension))
                .findFirst();
        if (chosen.isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "by", ReportingRefusals.UNKNOWN_VALUE, dimension, List.of("category", "business-unit")));
        }
        return readers()
                .map(actor -> jdbc.sql("""
                        select dimension, series, label, fitted_at, first_week, history::text, forecast::text,
                          model::text, accuracy::text
                        from reporting_forecast where dimension = ? order by label, series""")
                        .param(chosen.get().code())
                        .query((row, n) -> new ForecastView(
                                row.getString("dimension"),
                                row.getString("series"),
                                row.getString("label"),
                                row.getTimestamp("fitted_at").toInstant(),
                                row.getObject("first_week", java.time.LocalDate.class),
                                json.readTree(row.getString("history")),
                                json.readTree(row.getString("forecast")),
                                json.readTree(row.getString("model")),
                                row.getString("accuracy") == null ? null : json.readTree(row.getString("accuracy"))))
                        .list());
    }

    @Transactional
    Outcome<List<AnomalyView>> anomalies() {
        return readers()
                .map(actor -> jdbc.sql("""
                        select dimension, series, label, week, actual, expected, lower_bound, upper_bound, detected_at
                        from reporting_anomaly order by week desc, detected_at desc limit 200""")
                        .query((row, n) -> new AnomalyView(
                                row.getString("dimension"),
                                row.getString("series"),
                                row.getString("label"),
                                row.getObject("week", java.time.LocalDate.class),
                                row.getLong("actual"),
                                row.getDouble("expected"),
                                row.getDouble("lower_bound"),
                                row.getDouble("upper_bound"),
                                row.getTimestamp("detected_at").toInstant()))
                        .list());
    }

    @Transactional
    Outcome<Forecasting.Fit> fit() {
        return identity.requireAnyRole("fit the forecasts", Role.COORDINATOR, Role.ADMIN)
                .map(actor -> forecasting.fitAll());
    }

    private Outcome<io.cairn.identity.Actor> readers() {
        return identity.requireAnyRole("read the forecasts", Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
    }
}
