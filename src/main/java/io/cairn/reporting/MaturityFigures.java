package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    static final int SETTLING_DAYS = 30;

    private static final String SERIOUS = SeriousnessMetrics.SERIOUS;
    private static final String TRIAGED = "i.status not in ('NEW', 'TRIAGE', 'DISMISSED')";
    private static final String CLOSED = "i.status in ('CLOSED', 'DISMISSED') and i.closed_at < ?";

    private final JdbcClient jdbc;
    private final ReportingSettings settings;
    private final Period recurrenceWindow;
    private final Clock clock;
    private final Rollups rollups;

    MaturityFigures(
            JdbcClient jdbc,
            ReportingSettings settings,
            @Value("${cairn.recurrence.window:6m}") Period recurrenceWindow,
            Clock clock,
            Rollups rollups) {
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.settings = settings;
        this.recurrenceWindow = recurrenceWindow;
        this.clock = clock;
    }

    /** The window the figures count over and each indicator's value, null where nothing shows it. */
    record Computed(LocalDate from, LocalDate to, Instant at, Map<MaturityIndicator, @Nullable Double> values) {}

    /**
     * The figures over the window that ends at the moment given (now, or the end of a past day): the whole days of
     * the window's length up to and including the day it ends in; incidents reported in the last {@value
     * #SETTLING_DAYS} of those days are not yet settled.
     */
    Computed compute(Instant end) {
        ZoneId zone = settings.zone();
        LocalDate last = LocalDate.ofInstant(end.minusNanos(1000), zone);
        LocalDate first = last.plusDays(1).minus(settings.maturityWindow());
        LocalDate settledBefore = last.plusDays(1).minusDays(SETTLING_DAYS);
        Instant start = first.atStartOfDay(zone).toInstant();
        Map<MaturityIndicator, @Nullable Double> values = new EnumMap<>(MaturityIndicator.class);
        Tally tally = rolledUp(first, last, settledBefore, end)
                .orElseGet(() ->
                        counted(start, end, settledBefore.atStartOfDay(zone).toInstant()));
        values.put(MaturityIndicator.INCIDENTS_LOGGED, (double) tally.get("n"));
        values.put(MaturityIndicator.BUSINESS_UNITS, (double) tally.units().size());
        for (Share share : SHARES) {
            values.put(share.indicator(), share(tally.get(share.part()), tally.get(share.whole())));
        }
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
        return new Computed(first, last, end, values);
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
            new Share(MaturityIndicator.RECURRING_SHARE, "recurring", "rooted"),
            new Share(MaturityIndicator.SLA_MET_SHARE, "sla_met", "sla_decided"));

    /**
     * The incidents reported in the window, each counted as it stood at the window's end: closed, dismissed,
     * acknowledged and reviewed by then. Parameters: the settling cut-off twice, the end three times, the recurrence
     * window, the end, the start and the end.
     */
    private static final String INCIDENTS =
            "select count(*) as n, count(*) filter (where i.reported_at < ?) as settled, "
                    + "count(*) filter (where i.reported_at < ? and " + CLOSED + ") as closed, "
                    + "count(i.business_unit_id) as with_unit, array_agg(distinct i.business_unit_id::text) filter "
                    + "(where i.business_unit_id is not null) as units, "
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

    /** Counts of the incidents reported in some time, by their columns' names; and their business units. */
    record Tally(Map<String, Long> counts, Set<String> units) {

        static Tally none() {
            return new Tally(new HashMap<>(), new TreeSet<>());
        }

        long get(String column) {
            return counts.getOrDefault(column, 0L);
        }

        void add(String column, long count) {
            counts.merge(column, count, Long::sum);
        }

        void add(Tally other) {
            other.counts.forEach(this::add);
            units.addAll(other.units);
        }
    }

    /** The names of the counts, as the statement and the SLA share read them. */
    private static final List<String> COUNTS = List.of(
            "n",
            "settled",
            "closed",
            "with_unit",
            "kept",
            "prioritised",
            "triaged",
            "recorded",
            "sourced",
            "automated",
            "serious",
            "serious_resolved",
            "serious_rooted",
            "rooted",
            "recurring");

    /** The incidents reported from the start to the end, counted as they stood then; settled when before that. */
    private Tally counted(Instant start, Instant end, Instant settledBefore) {
        Timestamp settled = Timestamp.from(settledBefore);
        Timestamp until = Timestamp.from(end);
        Tally tally = Tally.none();
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
                        Timestamp.from(end))
                .query(row -> {
                    for (String column : COUNTS) {
                        tally.add(column, row.getLong(column));
                    }
                    java.sql.Array units = row.getArray("units");
                    if (units != null) {
                        tally.units().addAll(Arrays.asList((String[]) units.getArray()));
                    }
                });
        jdbc.sql("select count(*) filter (where " + SlaMetrics.DECIDED + ") as decided, count(*) filter (where "
                        + SlaMetrics.MET + ") as met "
                        + "from sla_clock c join incident i on i.id = c.incident_id "
                        + "where i.merged_into is null and i.reported_at >= ? and i.reported_at < ?")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(row -> {
                    tally.add("sla_decided", row.getLong("decided"));
                    tally.add("sla_met", row.getLong("met"));
                });
        return tally;
    }

    /**
     * The window's incidents as they stand now, from the roll-ups (as they stood at its end, since no time of an
     * incident lies after now); nothing when the window ends before now, or the roll-ups cannot give its days.
     */
    private Optional<Tally> rolledUp(LocalDate first, LocalDate last, LocalDate settledBefore, Instant end) {
        if (end.isBefore(clock.instant().minusSeconds(60))) {
            return Optional.empty();
        }
        MetricsFilter days = new MetricsFilter(
                first, last, Granularity.YEAR, settings.zone(), null, null, null, null, null, null, null, null);
        return rollups.read(days, false).map(rolled -> {
            Tally tally = Tally.none();
            rolled.figures()
                    .forEach((day, figures) ->
                            figures.forEach(figure -> add(tally, figure, day.isBefore(settledBefore))));
            return tally;
        });
    }

    /** Adds a day's figures as they stand now (settled: the day lies a settling time before the window's end). */
    private static void add(Tally tally, DayFigures day, boolean settled) {
        tally.add("n", day.opened);
        tally.add("settled", settled ? day.opened : 0);
        tally.add("closed", settled ? day.settledClosed : 0);
        tally.add("with_unit", day.withUnit);
        tally.units().addAll(day.units);
        tally.add("kept", day.kept);
        tally.add("prioritised", day.prioritised);
        tally.add("triaged", day.triaged);
        tally.add("recorded", day.recorded);
        day.detection.forEach((source, detection) -> {
            tally.add("sourced", source.equals("unknown") ? 0 : detection.incidents);
            tally.add("automated", source.equals("automated") ? detection.incidents : 0);
        });
        tally.add("serious", day.serious);
        tally.add(
                "serious_resolved",
                day.seriousResolvedAfter.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        tally.add("serious_rooted", day.seriousRooted);
        tally.add("rooted", day.recurrenceRooted);
        tally.add("recurring", day.recurring);
        day.sla.values().forEach(counts -> {
            tally.add("sla_decided", counts[DayFigures.RESPONSE_DECIDED] + counts[DayFigures.RESOLUTION_DECIDED]);
            tally.add("sla_met", counts[DayFigures.RESPONSE_MET] + counts[DayFigures.RESOLUTION_MET]);
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
