package io.cairn.handling.sla;

import io.cairn.handling.caching.RecentlyRead;
import io.cairn.incidents.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored SLA policies, one per priority level. */
@Component
class SlaPolicies {

    private final JdbcClient jdbc;
    private final RecentlyRead<List<SlaPolicy>> recent;

    SlaPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.recent = new RecentlyRead<>(this::all);
    }

    /** The policy of a priority level as read within the last few seconds: for starting the clocks of a report. */
    Optional<SlaPolicy> recent(int priorityLevel) {
        return recent.get().stream()
                .filter(policy -> policy.priorityLevel() == priorityLevel)
                .findFirst();
    }

    List<SlaPolicy> all() {
        return jdbc.sql(SELECT + " order by priority_level")
                .query((row, n) -> policy(row))
                .list();
    }

    Optional<SlaPolicy> find(int priorityLevel) {
        return jdbc.sql(SELECT + " where priority_level = ?")
                .param(priorityLevel)
                .query((row, n) -> policy(row))
                .optional();
    }

    boolean usesCalendar(SlaCalendarId calendar) {
        return jdbc.sql("select exists (select 1 from sla_policy where calendar_id = ?)")
                .param(calendar.value())
                .query(Boolean.class)
                .single();
    }

    boolean usesLevel(EscalationLevelId level) {
        return jdbc.sql("select exists (select 1 from sla_policy where escalation_level_id = ?)")
                .param(level.value())
                .query(Boolean.class)
                .single();
    }

    /** Stores the policy if the stored one is at the given version (or absent, for version 0 or none). */
    boolean save(SlaPolicy policy, Optional<Long> expectedVersion, Instant now) {
        recent.forget();
        Optional<SlaPolicy> stored = find(policy.priorityLevel());
        if (stored.isEmpty()) {
            insert(policy, now);
            return true;
        }
        if (expectedVersion.isPresent() && expectedVersion.get() != stored.get().version()) {
            return false;
        }
        return update(policy, stored.get().version(), now);
    }

    private void insert(SlaPolicy policy, Instant now) {
        jdbc.sql("""
                insert into sla_policy (priority_level, response_seconds, resolution_seconds, calendar_id,
                  pause_statuses, warning_percent, escalation_level_id, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        policy.priorityLevel(),
                        policy.response().toSeconds(),
                        policy.resolution().toSeconds(),
                        policy.calendar() == null ? null : policy.calendar().value(),
                        statuses(policy),
                        policy.warningPercent(),
                        policy.escalationLevel() == null
                                ? null
                                : policy.escalationLevel().value(),
                        Timestamp.from(now))
                .update();
    }

    /** Overwrites the stored policy if it is still at the version; whether it was. */
    private boolean update(SlaPolicy policy, long version, Instant now) {
        return jdbc.sql("""
                update sla_policy set response_seconds = ?, resolution_seconds = ?, calendar_id = ?,
                  pause_statuses = ?, warning_percent = ?, escalation_level_id = ?, version = version + 1,
                  updated_at = ?
                where priority_level = ? and version = ?""")
                        .params(
                                policy.response().toSeconds(),
                                policy.resolution().toSeconds(),
                                policy.calendar() == null
                                        ? null
                                        : policy.calendar().value(),
                                statuses(policy),
                                policy.warningPercent(),
                                policy.escalationLevel() == null
                                        ? null
                                        : policy.escalationLevel().value(),
                                Timestamp.from(now),
                                policy.priorityLevel(),
                                version)
                        .update()
                == 1;
    }

    void delete(int priorityLevel) {
        recent.forget();
        jdbc.sql("delete from sla_policy where priority_level = ?")
                .param(priorityLevel)
                .update();
    }

    private static String[] statuses(SlaPolicy policy) {
        return policy.pauseStatuses().stream().map(Status::name).sorted().toArray(String[]::new);
    }

    private static final String SELECT = """
            select priority_level, response_seconds, resolution_seconds, calendar_id, pause_statuses,
                   warning_percent, escalation_level_id, version
            from sla_policy""";

    private static SlaPolicy policy(ResultSet row) throws SQLException {
        UUID calendar = row.getObject("calendar_id", UUID.class);
        UUID level = row.getObject("escalation_level_id", UUID.class);
        Set<Status> pause = Arrays.stream(
                        (String[]) row.getArray("pause_statuses").getArray())
                .map(Status::valueOf)
                .collect(Collectors.toSet());
        return new SlaPolicy(
                row.getInt("priority_level"),
                Duration.ofSeconds(row.getLong("response_seconds")),
                Duration.ofSeconds(row.getLong("resolution_seconds")),
                calendar == null ? null : new SlaCalendarId(calendar),
                pause,
                row.getInt("warning_percent"),
                level == null ? null : new EscalationLevelId(level),
                row.getLong("version"));
    }
}
