package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The maturity view's indicators, computed live over the window that ends now: the incidents reported in it (merged
 * duplicates are their survivor), with the same definitions as the metrics that show each in detail (serious as in
 * MET-3, recurring as in MET-4, SLA met as in MET-6), and what the organisation keeps besides: its playbooks, its last
 * review, its forecasts. A figure without a whole to count from (no serious incident, no review yet) is null: nothing
 * shows the practice.
 */
@Component
class MaturityFigures {

    /** Incidents younger than this are not yet expected closed. */
    static final Duration SETTLING = Duration.ofDays(30);

    private static final String SERIOUS = SeriousnessMetrics.SERIOUS;
    private static final String TRIAGED = "i.status not in ('NEW', 'TRIAGE', 'DISMISSED')";
    private static final String CLOSED = "i.status in ('CLOSED', 'DISMISSED') and i.closed_at < ?";

    private final JdbcClient jdbc;
    private final ReportingSettings settings;
    private final Period recurrenceWindow;
    private final Clock clock;

    MaturityFigures(
            JdbcClient jdbc,
            ReportingSettings settings,
            @Value("${cairn.recurrence.window:6m}") Period recurrenceWindow,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.recurrenceWindow = recurrenceWindow;
        this.clock = clock;
    }

    /** The window the figures count over and each indicator's value, null where nothing shows it. */
    record Computed(LocalDate from, LocalDate to, Instant at, Map<MaturityIndicator, @Nullable Double> values) {}

    /** The figures over the window that ends at the moment given (now, or the end of a past day). */
    Computed compute(Instant end) {
        Instant start =
                end.atZone(settings.zone()).minus(settings.maturityWindow()).toInstant();
        Map<MaturityIndicator, @Nullable Double> values = new EnumMap<>(MaturityIndicator.class);
        incidents(start, end, values);
        sla(start, end, values);
        values.put(MaturityIndicator.PLAYBOOKS, (double) jdbc.sql("select count(*) from playbook where not retired")
                .query(Long.class)
                .single());
        values.put(
                MaturityIndicator.DAYS_SINCE_REVIEW,
                daysSince(
                        jdbc.sql("select max(completed_at) from incident_review where status = 'completed' "
                                        + "and completed_at < ?")
                                .param(Timestamp.from(end))
                                .query(OffsetDateTime.class)
                                .optional()
                                .orElse(null),
                        end));
        jdbc.sql("select max(fitted_at) as fitted, avg((accuracy ->> 'coverage')::float8) as coverage "
                        + "from reporting_forecast where fitted_at < ?")
                .param(Timestamp.from(end))
                .query(row -> {
                    values.put(
                            MaturityIndicator.DAYS_SINCE_FORECAST,
                            daysSince(row.getObject("fitted", OffsetDateTime.class), end));
                    values.put(MaturityIndicator.FORECAST_COVERAGE, Periods.number(row, "coverage"));
                });
        LocalDate last = LocalDate.ofInstant(end.minusNanos(1), settings.zone());
        return new Computed(LocalDate.ofInstant(start, settings.zone()), last, end, values);
    }

    /** The shares of the incidents' figures: the indicator, the column of the part and that of the whole. */
    private record Share(MaturityIndicator indicator, String part, String whole) {}

    private static final List<Share> SHARES = List.of(
            new Share(MaturityIndicator.CLOSED_SHARE, "closed", "settled"),
            new Share(MaturityIndicator.BUSINESS_UNIT_SHARE, "with_unit", "n"),
            new Share(MaturityIndicator.PRIORITISED_SHARE, "prioritised", "kept"),
            new Share(MaturityIndicator.DETECTION_RECORDED_SHARE, "recorded", "triaged"),
            new Share(MaturityIndicator.AUTOMATED_SHARE, "automated", "sourced"),
            new Share(MaturityIndicator.SERIOUS_ROOT_CAUSE_SHARE, "serious_rooted", "serious"),
            new Share(MaturityIndicator.SERIOUS_RESOLVED_SHARE, "serious_resolved", "serious"),
            new Share(MaturityIndicator.RECURRING_SHARE, "recurring", "rooted"));

    /**
     * The incidents reported in the window, each counted as it stood at the window's end: closed, dismissed,
     * acknowledged and reviewed by then. Parameters: the settling cut-off twice, the end three times, the recurrence
     * window, the end, the start and the end.
     */
    private static final String INCIDENTS =
            "select count(*) as n, count(*) filter (where i.reported_at < ?) as settled, "
                    + "count(*) filter (where i.reported_at < ? and " + CLOSED + ") as closed, "
                    + "count(i.business_unit_id) as with_unit, count(distinct i.business_unit_id) as units, "
                    + "count(*) filter (where i.status <> 'DISMISSED') as kept, "
                    + "count(*) filter (where i.status <> 'DISMISSED' and i.acknowledged_at < ?) as prioritised, "
                    + "count(*) filter (where " + TRIAGED + ") as triaged, "
                    + "count(*) filter (where " + TRIAGED + " and i.detection_source is not null) as recorded, "
                    + "count(i.detection_source) as sourced, "
                    + "count(*) filter (where i.detection_source = 'AUTOMATED') as automated, "
                    + "count(*) filter (where " + SERIOUS + ") as serious, "
                    + "count(*) filter (where " + SERIOUS + " and i.status = 'CLOSED' and i.closed_at < ?) "
                    + "as serious_resolved, "
                    + "count(r.incident_id) filter (where " + SERIOUS
                    + " and r.root_cause is not null) as serious_rooted, "
                    + "count(r.incident_id) filter (where " + RecurrenceMetrics.ROOTED + ") as rooted, "
                    + "count(r.incident_id) filter (where " + RecurrenceMetrics.ROOTED + " and "
                    + RecurrenceMetrics.RECURS + ") as recurring "
                    + "from incident i left join incident_review r on r.incident_id = i.id and r.status = 'completed' "
                    + "and r.completed_at < ? where i.merged_into is null and i.reported_at >= ? and i.reported_at < ?";

    private void incidents(Instant start, Instant end, Map<MaturityIndicator, @Nullable Double> values) {
        Timestamp settled = Timestamp.from(end.minus(SETTLING));
        Timestamp until = Timestamp.from(end);
        jdbc.sql(INCIDENTS)
                .params(
                        settled,
                        settled,
                        until,
                        until,
                        until,
                        recurrenceWindow.toString(),
                        until,
                        Timestamp.from(start),
                        until)
                .query(row -> {
                    values.put(MaturityIndicator.INCIDENTS_LOGGED, (double) row.getLong("n"));
                    values.put(MaturityIndicator.BUSINESS_UNITS, (double) row.getLong("units"));
                    for (Share share : SHARES) {
                        values.put(share.indicator(), share(row.getLong(share.part()), row.getLong(share.whole())));
                    }
                });
    }

    /** The share of decided response and resolution clocks that were met, as the SLA metric counts them. */
    private void sla(Instant start, Instant end, Map<MaturityIndicator, @Nullable Double> values) {
        jdbc.sql("select count(*) filter (where c.breached_at is not null or c.state = 'met') as decided, "
                        + "count(*) filter (where c.state = 'met' and c.breached_at is null) as met "
                        + "from sla_clock c join incident i on i.id = c.incident_id "
                        + "where i.merged_into is null and i.reported_at >= ? and i.reported_at < ?")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(row -> {
                    values.put(MaturityIndicator.SLA_MET_SHARE, share(row.getLong("met"), row.getLong("decided")));
                });
    }

    private static @Nullable Double share(long part, long whole) {
        return Periods.share(part, whole);
    }

    private static @Nullable Double daysSince(@Nullable OffsetDateTime time, Instant now) {
        return time == null
                ? null
                : Periods.round(Duration.between(time.toInstant(), now).toMinutes() / 1440.0);
    }
}
