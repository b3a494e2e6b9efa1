package io.cairn.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the figures of days from the incidents themselves, for every group at once: what the roll-ups keep, and
 * what a day not yet rebuilt counts. A day's incidents are those reported, closed, or with a measure ended in it; each
 * adds to the groups it belongs to what the metrics count of it on that day.
 */
@Component
class DayFacts {

    /** The incident's SLA clocks counted as {@link SlaMetrics} counts them, in the order of {@link DayFigures}. */
    private static final String SLA = "(select array[count(*), " + SlaMetrics.counts("response", false) + ", "
            + SlaMetrics.counts("resolution", false) + ", count(*) filter (where " + SlaMetrics.NEAR + ")] "
            + "from sla_clock c where c.incident_id = i.id)";
    /** The root cause of the incident's completed review, and whether it recurs ('1' or '0'; never for unknown). */
    private static final String REVIEW = "(select array[r.root_cause, case when r.root_cause <> 'unknown' and "
            + RecurrenceMetrics.RECURS + " then '1' else '0' end] from incident_review r where r.incident_id = i.id "
            + "and r.status = 'completed' and r.root_cause is not null)";

    /** The incident's recorded costs and losses as text: their value and whether it is an estimate; null when none. */
    private static final String COST = "(select array[x ->> 'value', x ->> 'estimate'] from (select "
            + ImpactMetrics.AMOUNT + " as x) y where x ->> 'value' is not null)";

    /** The cost lines of the incident's latest DORA classification as text, value and estimate per row of costs. */
    private static final String COST_LINES = "(select array["
            + CostMetrics.ROWS.stream()
                    .map(row -> costLine(row, "value") + ", " + costLine(row, "estimate"))
                    .collect(java.util.stream.Collectors.joining(", "))
            + "] from compliance_decision d where d.incident_id = i.id and d.kind = 'dora-major' order by d.version "
            + "desc limit 1)";

    /**
     * The SQL of one part ({@code value} or {@code estimate}) of a row of costs of decision {@code d}: its cost line,
     * or for {@link CostMetrics#UNSPECIFIED} the total when the decision gives no line at all.
     */
    private static String costLine(String row, String part) {
        return row.equals(CostMetrics.UNSPECIFIED)
                ? "case when not jsonb_exists_any(d.inputs, array[" + CostMetrics.lineInputs()
                        + "]) then d.inputs #>> '{" + CostMetrics.TOTAL + "," + part + "}' end"
                : "d.inputs #>> '{" + CostMetrics.input(row) + "," + part + "}'";
    }

    private static final String REPORTED = "i.reported_at >= ? and i.reported_at < ?";
    private static final String COLUMNS = "i.reported_at, i.closed_at, i.status, i.occurred_at, i.detected_at, "
            + "i.acknowledged_at, i.responded_at, i.contained_at, i.eradicated_at, i.recovered_at, "
            + "i.business_unit_id::text as unit, "
            + "i.team_id::text as team, i.category_class, i.category_type, i.priority, i.severity, "
            + "i.detection_source, i.asset_id::text as asset, array(select s.service_id::text from incident_service s "
            + "where s.incident_id = i.id) as services, array(select v.part || ':' || v.category from "
            + "incident_veris_category v where v.incident_id = i.id) as veris";
    /** The clocks breached in a range and still running, with their incidents. */
    private static final String BREACHED =
            "select " + COLUMNS + ", null::bigint[] as sla, null::text[] as review, null::text[] as cost, "
                    + "null::text[] as cost_lines, "
                    + "c.breached_at from sla_clock c join incident i on i.id = c.incident_id where c.state <> 'met' and "
                    + "c.breached_at >= ? and c.breached_at < ? and i.merged_into is null";

    /**
     * The moments besides its report at which an incident adds to a day: its close and the ends of the measures (the
     * close as the range of the index of open incidents, coalesced to infinity).
     */
    static final List<String> MILESTONES = List.of(
            "closed_at",
            "detected_at",
            "acknowledged_at",
            "responded_at",
            "contained_at",
            "eradicated_at",
            "recovered_at");

    private static final String SQL = "select " + COLUMNS + ", case when " + REPORTED + " then " + SLA + " end as sla, "
            + "case when " + REPORTED + " then " + REVIEW + " end as review, case when " + REPORTED + " then " + COST
            + " end as cost, case when " + REPORTED + " then " + COST_LINES + " end as cost_lines from incident i "
            + "where i.merged_into is null "
            + "and ((" + REPORTED + ") or "
            + MILESTONES.stream()
                    .map(column -> column.equals("closed_at")
                            ? "coalesce(i.closed_at, 'infinity'::timestamptz)"
                            : "i." + column)
                    .map(moment -> "(" + moment + " >= ? and " + moment + " < ?)")
                    .collect(java.util.stream.Collectors.joining(" or "))
            + ")";

    /**
     * The ranges {@link #SQL} binds, each a start and an end: the report's in the select list (clocks, review, costs,
     * cost lines; the review's followed by the recurrence window), then in the condition the report's and each
     * milestone's.
     */
    private static final int RANGES = 4 + 1 + MILESTONES.size();

    private final JdbcClient jdbc;
    private final Period window;

    DayFacts(JdbcClient jdbc, @Value("${cairn.recurrence.window:6m}") Period window) {
        this.jdbc = jdbc;
        this.window = window;
    }

    /** The recurrence window the figures count recurring incidents with. */
    Period window() {
        return window;
    }

    /**
     * Whether the stored roll-ups were built as these figures are computed: in the zone, with the recurrence window,
     * in the form of {@link DayFigures#FORMAT}.
     */
    boolean storedAreCurrent(ZoneId zone) {
        return jdbc.sql("select coalesce(zone = ? and recurrence_window = ?::interval and format = ?, false) "
                        + "from reporting_rollup_state")
                .params(zone.getId(), window.toString(), DayFigures.FORMAT)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Records that the roll-ups are built as these figures are computed, in the zone. */
    void storedAreNow(ZoneId zone) {
        jdbc.sql("insert into reporting_rollup_state (id, zone, recurrence_window, format) values (true, ?, "
                        + "?::interval, ?) on conflict (id) do update set zone = excluded.zone, recurrence_window = "
                        + "excluded.recurrence_window, format = excluded.format")
                .params(zone.getId(), window.toString(), DayFigures.FORMAT)
                .update();
    }

    /** The figures of each of the days (in the zone) for each group with an incident that day, sealed. */
    Map<LocalDate, Map<RollupGroup, DayFigures>> compute(SortedSet<LocalDate> days, ZoneId zone) {
        Map<LocalDate, Map<RollupGroup, DayFigures>> figures = new HashMap<>();
        for (List<LocalDate> run : runs(days)) {
            Timestamp start = Timestamp.from(run.get(0).atStartOfDay(zone).toInstant());
            Timestamp end = Timestamp.from(
                    run.get(run.size() - 1).plusDays(1).atStartOfDay(zone).toInstant());
            List<Object> parameters = new ArrayList<>();
            for (int range = 0; range < RANGES; range++) {
                parameters.add(start);
                parameters.add(end);
                if (range == 1) {
                    parameters.add(window.toString());
                }
            }
            jdbc.sql(SQL).params(parameters).query(row -> {
                add(row, zone, start.toInstant(), end.toInstant(), figures);
            });
            jdbc.sql(BREACHED).params(start, end).query(row -> {
                LocalDate day = day(row.getObject("breached_at", OffsetDateTime.class), zone);
                RollupGroup.of(IncidentFacts.of(row)).forEach(group -> at(figures, day, group).breachedRunning++);
            });
        }
        figures.values().forEach(groups -> groups.values().forEach(DayFigures::seal));
        return figures;
    }

    /** The days (in the zone) that the instants from the first up to the last (not included) fall in. */
    static List<LocalDate> daysOf(java.time.Instant from, java.time.Instant to, ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = to.minusNanos(1000).atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** The days as runs of consecutive days (each read with one statement). */
    static List<List<LocalDate>> runs(SortedSet<LocalDate> days) {
        List<List<LocalDate>> runs = new ArrayList<>();
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate day : days) {
            if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(day)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(day);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static void add(
            ResultSet row,
            ZoneId zone,
            java.time.Instant start,
            java.time.Instant end,
            Map<LocalDate, Map<RollupGroup, DayFigures>> figures)
            throws SQLException {
        IncidentFacts incident = IncidentFacts.of(row);
        List<RollupGroup> groups = RollupGroup.of(incident);
        LocalDate reported = dayWithin(incident.reported(), zone, start, end);
        if (reported != null) {
            groups.forEach(group -> incident.addReported(at(figures, reported, group), reported, zone));
        }
        LocalDate closed = dayWithin(incident.closed(), zone, start, end);
        if (closed != null) {
            groups.forEach(group -> at(figures, closed, group).closed++);
        }
        for (DurationMetrics.Measure measure : DurationMetrics.Measure.values()) {
            Long micros = incident.duration(measure);
            LocalDate ended = dayWithin(incident.ended(measure), zone, start, end);
            if (micros != null && ended != null) {
                groups.forEach(group -> at(figures, ended, group).ended(measure).add(micros));
            }
        }
    }

    private static LocalDate day(OffsetDateTime instant, ZoneId zone) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    /** The day (in the zone) of an instant from the start to the end, or null when it is not one. */
    private static @Nullable LocalDate dayWithin(
            @Nullable OffsetDateTime instant, ZoneId zone, java.time.Instant start, java.time.Instant end) {
        return instant != null
                        && !instant.toInstant().isBefore(start)
                        && instant.toInstant().isBefore(end)
                ? instant.atZoneSameInstant(zone).toLocalDate()
                : null;
    }

    private static DayFigures at(
            Map<LocalDate, Map<RollupGroup, DayFigures>> figures, LocalDate day, RollupGroup group) {
        return figures.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(group, g -> new DayFigures());
    }
}
