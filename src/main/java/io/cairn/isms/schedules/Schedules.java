package io.cairn.isms.schedules;

import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored schedules ({@code isms_schedule}); their occurrences are {@link ScheduleOccurrences}. */
@Component
class Schedules {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};
    private static final String SELECT = """
            select s.*, s.form_values::text as doc,
              exists (select 1 from isms_schedule_occurrence o where o.schedule_id = s.id) as fired
            from isms_schedule s""";

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every schedule, by name. */
    List<Schedule> all() {
        return jdbc.sql(SELECT + " order by lower(s.name), s.id")
                .query((row, n) -> schedule(row))
                .list();
    }

    Optional<Schedule> byId(ScheduleId id) {
        return jdbc.sql(SELECT + " where s.id = ?")
                .param(id.value())
                .query((row, n) -> schedule(row))
                .optional();
    }

    void add(ScheduleId id, CheckedSchedule schedule, @Nullable Instant nextAt, String by, Instant now) {
        jdbc.sql("""
                insert into isms_schedule (id, name, procedure_type, owner_id, form_values, recurrence, first_day,
                  time_of_day, zone, calendar_id, non_working_day, active, next_at, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, 0)""")
                .params(
                        id.value(),
                        schedule.name(),
                        schedule.procedureType().value(),
                        schedule.owner().value(),
                        json.writeValueAsString(schedule.values()),
                        schedule.rule(),
                        schedule.firstDay(),
                        schedule.time(),
                        schedule.zone().getId(),
                        schedule.calendar() == null ? null : schedule.calendar().value(),
                        schedule.nonWorkingDay().code(),
                        timestamp(nextAt),
                        Timestamp.from(now),
                        by)
                .update();
    }

    /** Replaces what the schedule says if it is at the version expected; false when another change came first. */
    boolean revise(
            ScheduleId id, CheckedSchedule schedule, @Nullable Instant nextAt, long version, String by, Instant now) {
        return jdbc.sql("""
                        update isms_schedule set name = ?, procedure_type = ?, owner_id = ?, form_values = ?::jsonb,
                          recurrence = ?, first_day = ?, time_of_day = ?, zone = ?, calendar_id = ?,
                          non_working_day = ?, next_at = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                        .params(
                                schedule.name(),
                                schedule.procedureType().value(),
                                schedule.owner().value(),
                                json.writeValueAsString(schedule.values()),
                                schedule.rule(),
                                schedule.firstDay(),
                                schedule.time(),
                                schedule.zone().getId(),
                                schedule.calendar() == null
                                        ? null
                                        : schedule.calendar().value(),
                                schedule.nonWorkingDay().code(),
                                timestamp(nextAt),
                                Timestamp.from(now),
                                by,
                                id.value(),
                                version)
                        .update()
                == 1;
    }

    /** Pauses or resumes it if it is at the version expected; false when another change came first. */
    boolean activate(ScheduleId id, boolean active, @Nullable Instant nextAt, long version, String by, Instant now) {
        return jdbc.sql("""
                        update isms_schedule set active = ?, next_at = ?, updated_at = ?, updated_by = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                        .params(active, timestamp(nextAt), Timestamp.from(now), by, id.value(), version)
                        .update()
                == 1;
    }

    /** Deletes it if it is at the version expected and never fired; false otherwise. */
    boolean delete(ScheduleId id, long version) {
        return jdbc.sql("""
                        delete from isms_schedule s where id = ? and version = ?
                          and not exists (select 1 from isms_schedule_occurrence o where o.schedule_id = s.id)""").params(id.value(), version).update() == 1;
    }

    /**
     * Active schedules with an occurrence due at the moment, locked for this transaction; schedules another scan holds
     * are skipped, so that two scans never fire the same one.
     */
    List<Schedule> claimDue(Instant now, int limit) {
        return jdbc.sql(SELECT
                        + " where s.active and s.next_at <= ? order by s.next_at limit ? for update of s skip locked")
                .params(Timestamp.from(now), limit)
                .query((row, n) -> schedule(row))
                .list();
    }

    /** Sets the next occurrence after a scan fired the ones due. */
    void advance(ScheduleId id, @Nullable Instant nextAt) {
        jdbc.sql("update isms_schedule set next_at = ? where id = ?")
                .params(timestamp(nextAt), id.value())
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        UUID calendar = row.getObject("calendar_id", UUID.class);
        Timestamp nextAt = row.getTimestamp("next_at");
        return new Schedule(
                new ScheduleId(row.getObject("id", UUID.class)),
                row.getString("name"),
                new ProcedureTypeId(row.getObject("procedure_type", UUID.class)),
                new UserId(row.getObject("owner_id", UUID.class)),
                json.readValue(row.getString("doc"), VALUES),
                row.getString("recurrence"),
                row.getObject("first_day", java.time.LocalDate.class),
                row.getObject("time_of_day", java.time.LocalTime.class),
                ZoneId.of(row.getString("zone")),
                calendar == null ? null : new SlaCalendarId(calendar),
                NonWorkingDay.ofCode(row.getString("non_working_day")).orElseThrow(),
                row.getBoolean("active"),
                nextAt == null ? null : nextAt.toInstant(),
                row.getBoolean("fired"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"),
                row.getLong("version"));
    }
}
