package io.cairn.handling.sla;

import io.cairn.handling.SlaClockKind;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.StatementValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored SLA clocks. The scanner claims due clocks with {@code FOR UPDATE SKIP LOCKED} on the partial index over
 * {@code next_check_at}, so several nodes scan at once without handling a clock twice.
 */
@Component
class SlaClocks {

    private final JdbcClient jdbc;
    private final JdbcOperations statements;

    SlaClocks(JdbcClient jdbc, JdbcOperations statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** The clocks of an incident, response first. */
    List<SlaClock> of(IncidentId incident) {
        return jdbc.sql(SELECT + " where incident_id = ? order by kind desc")
                .param(incident.value())
                .query((row, n) -> clock(row))
                .list();
    }

    /** The clocks of several incidents, in one query. */
    List<SlaClock> ofIncidents(java.util.Collection<IncidentId> incidents) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where incident_id = any(?)")
                .param(incidents.stream().map(IncidentId::value).toArray(UUID[]::new))
                .query((row, n) -> clock(row))
                .list();
    }

    /** The clocks of an incident, locked for a change until the transaction ends. */
    List<SlaClock> lock(IncidentId incident) {
        return jdbc.sql(SELECT + " where incident_id = ? order by kind desc for update")
                .param(incident.value())
                .query((row, n) -> clock(row))
                .list();
    }

    /**
     * Claims up to {@code limit} clocks with something due at {@code now}, earliest first, skipping the rows another
     * scanner holds; the rows stay locked until the transaction ends.
     */
    List<SlaClock> claimDue(Instant now, int limit) {
        return jdbc.sql(SELECT + " where next_check_at <= ? order by next_check_at limit ? for update skip locked")
                .params(Timestamp.from(now), limit)
                .query((row, n) -> clock(row))
                .list();
    }

    void insert(SlaClock clock) {
        insert(List.of(clock));
    }

    /** Inserts new clocks in one statement; a clock that exists already is left as it is. */
    void insert(List<SlaClock> started) {
        if (started.isEmpty()) {
            return;
        }
        String values = String.join(
                ", ",
                java.util.Collections.nCopies(
                        started.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
        List<@Nullable Object> columns = new java.util.ArrayList<>(started.size() * 22);
        started.forEach(clock -> columns.addAll(Arrays.asList(columns(clock))));
        statements.update("""
                insert into sla_clock (incident_id, kind, priority_level, target_ms, warn_ms, calendar_id, state,
                  consumed_us, running_since, started_at, due_at, warn_at, warned_at, breached_at, met_at,
                  escalation_level_id, escalate_at, escalations, notified, acknowledged_at, acknowledged_by,
                  next_check_at, version)
                values\s""" + values + " on conflict (incident_id, kind) do nothing", StatementValues.of(columns));
    }

    private Object[] columns(SlaClock clock) {
        SlaBreach breach = clock.breach();
        return new Object[] {
            clock.incident().value(),
            clock.kind().code(),
            clock.priorityLevel(),
            clock.target().toMillis(),
            clock.warnAfter().toMillis(),
            uuid(clock.calendar()),
            clock.state().name().toLowerCase(java.util.Locale.ROOT),
            micros(clock.consumedBeforeRun()),
            timestamp(clock.runningSince()),
            Timestamp.from(clock.startedAt()),
            timestamp(clock.dueAt()),
            timestamp(clock.warnAt()),
            timestamp(clock.warnedAt()),
            timestamp(breach.breachedAt()),
            timestamp(clock.metAt()),
            uuid(breach.escalationLevel()),
            timestamp(breach.escalateAt()),
            breach.escalations(),
            notified(clock),
            timestamp(breach.acknowledgedAt()),
            breach.acknowledgedBy(),
            timestamp(clock.nextCheckAt())
        };
    }

    void update(SlaClock clock) {
        SlaBreach breach = clock.breach();
        jdbc.sql("""
                update sla_clock set priority_level = ?, target_ms = ?, warn_ms = ?, calendar_id = ?, state = ?,
                  consumed_us = ?, running_since = ?, due_at = ?, warn_at = ?, warned_at = ?, breached_at = ?,
                  met_at = ?, escalation_level_id = ?, escalate_at = ?, escalations = ?, notified = ?,
                  acknowledged_at = ?, acknowledged_by = ?, next_check_at = ?, version = version + 1
                where incident_id = ? and kind = ?""")
                .params(
                        clock.priorityLevel(),
                        clock.target().toMillis(),
                        clock.warnAfter().toMillis(),
                        uuid(clock.calendar()),
                        clock.state().name().toLowerCase(java.util.Locale.ROOT),
                        micros(clock.consumedBeforeRun()),
                        timestamp(clock.runningSince()),
                        timestamp(clock.dueAt()),
                        timestamp(clock.warnAt()),
                        timestamp(clock.warnedAt()),
                        timestamp(breach.breachedAt()),
                        timestamp(clock.metAt()),
                        uuid(breach.escalationLevel()),
                        timestamp(breach.escalateAt()),
                        breach.escalations(),
                        notified(clock),
                        timestamp(breach.acknowledgedAt()),
                        breach.acknowledgedBy(),
                        timestamp(clock.nextCheckAt()),
                        clock.incident().value(),
                        clock.kind().code())
                .update();
    }

    /** The incidents with open clocks on this policy's priority level, for applying a changed policy. */
    List<IncidentId> incidentsWithOpenClocks(int priorityLevel) {
        return jdbc.sql("select distinct incident_id from sla_clock where priority_level = ? and state <> 'met'")
                .param(priorityLevel)
                .query((row, n) -> new IncidentId(row.getObject("incident_id", UUID.class)))
                .list();
    }

    private static final String SELECT = """
            select incident_id, kind, priority_level, target_ms, warn_ms, calendar_id, state, consumed_us,
                   running_since, started_at, due_at, warn_at, warned_at, breached_at, met_at, escalation_level_id,
                   escalate_at, escalations, notified, acknowledged_at, acknowledged_by, version
            from sla_clock""";

    private static SlaClock clock(ResultSet row) throws SQLException {
        UUID calendar = row.getObject("calendar_id", UUID.class);
        UUID level = row.getObject("escalation_level_id", UUID.class);
        return new SlaClock(
                new IncidentId(row.getObject("incident_id", UUID.class)),
                SlaClockKind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                row.getInt("priority_level"),
                Duration.ofMillis(row.getLong("target_ms")),
                Duration.ofMillis(row.getLong("warn_ms")),
                calendar == null ? null : new SlaCalendarId(calendar),
                SlaClock.State.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)),
                Duration.ofNanos(row.getLong("consumed_us") * 1_000),
                instant(row, "running_since"),
                row.getTimestamp("started_at").toInstant(),
                instant(row, "due_at"),
                instant(row, "warn_at"),
                instant(row, "warned_at"),
                instant(row, "breached_at"),
                instant(row, "met_at"),
                level == null ? null : new EscalationLevelId(level),
                instant(row, "escalate_at"),
                row.getInt("escalations"),
                Arrays.stream((UUID[]) row.getArray("notified").getArray())
                        .map(UserId::new)
                        .collect(Collectors.toSet()),
                instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"),
                row.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable UUID uuid(@Nullable Object id) {
        if (id instanceof SlaCalendarId calendar) {
            return calendar.value();
        }
        if (id instanceof EscalationLevelId level) {
            return level.value();
        }
        return null;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static UUID[] notified(SlaClock clock) {
        return clock.breach().notified().stream().map(UserId::value).toArray(UUID[]::new);
    }
}
