package io.cairn.handling.sla;

import io.cairn.handling.caching.RecentlyRead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored business-hour calendars; around the clock is no row but the absence of a calendar. */
@Component
class SlaCalendars {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> WEEK = new TypeReference<>() {};
    private static final TypeReference<List<String>> DATES = new TypeReference<>() {};

    /** Around the clock, in UTC: what a policy without a calendar counts on. */
    static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.aroundTheClock(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final RecentlyRead<Map<SlaCalendarId, BusinessCalendar>> recent;

    SlaCalendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.recent = new RecentlyRead<>(() -> all().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        stored -> stored.view().id(), Stored::calendar)));
    }

    /** A stored calendar: its view and the calendar to count on. */
    record Stored(SlaCalendarView view, BusinessCalendar calendar) {}

    List<Stored> all() {
        return jdbc.sql(SELECT + " order by name")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> find(SlaCalendarId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> stored(row))
                .optional();
    }

    /** The calendar to count on: the stored one, or around the clock when there is none (or it is gone). */
    BusinessCalendar calendarOf(@Nullable SlaCalendarId id) {
        return id == null ? AROUND_THE_CLOCK : find(id).map(Stored::calendar).orElse(AROUND_THE_CLOCK);
    }

    /** Like {@link #calendarOf}, as read within the last few seconds: for starting the clocks of a report. */
    BusinessCalendar recentCalendarOf(@Nullable SlaCalendarId id) {
        return id == null ? AROUND_THE_CLOCK : recent.get().getOrDefault(id, AROUND_THE_CLOCK);
    }

    Optional<SlaCalendarId> findByName(String name) {
        return jdbc.sql("select id from sla_calendar where lower(name) = lower(?)")
                .param(name.trim())
                .query((row, n) -> new SlaCalendarId(row.getObject("id", UUID.class)))
                .optional();
    }

    void insert(SlaCalendarId id, CalendarDefinition.Parsed calendar, Instant now) {
        recent.forget();
        jdbc.sql("insert into sla_calendar (id, name, zone, week, holidays, version, updated_at) "
                        + "values (?, ?, ?, ?::jsonb, ?::jsonb, 0, ?)")
                .params(
                        id.value(),
                        calendar.name(),
                        calendar.calendar().zone().getId(),
                        week(calendar.calendar()),
                        holidays(calendar.calendar()),
                        Timestamp.from(now))
                .update();
    }

    /** Replaces the calendar if it is still at the given version; false when someone was first. */
    boolean replace(SlaCalendarId id, CalendarDefinition.Parsed calendar, long version, Instant now) {
        recent.forget();
        return jdbc.sql("update sla_calendar set name = ?, zone = ?, week = ?::jsonb, holidays = ?::jsonb, "
                                + "version = version + 1, updated_at = ? where id = ? and version = ?")
                        .params(
                                calendar.name(),
                                calendar.calendar().zone().getId(),
                                week(calendar.calendar()),
                                holidays(calendar.calendar()),
                                Timestamp.from(now),
                                id.value(),
                                version)
                        .update()
                == 1;
    }

    void delete(SlaCalendarId id) {
        recent.forget();
        jdbc.sql("delete from sla_calendar where id = ?").param(id.value()).update();
    }

    private static String week(BusinessCalendar calendar) {
        return json.writeValueAsString(CalendarDefinition.weekOf(calendar));
    }

    private static String holidays(BusinessCalendar calendar) {
        return json.writeValueAsString(new TreeSet<>(calendar.holidays())
                .stream().map(LocalDate::toString).toList());
    }

    private static final String SELECT =
            "select id, name, zone, week::text as week, holidays::text as holidays, " + "version from sla_calendar";

    private static Stored stored(ResultSet row) throws SQLException {
        Map<String, List<String>> week = json.readValue(row.getString("week"), WEEK);
        List<String> holidays = json.readValue(row.getString("holidays"), DATES);
        CalendarDefinition definition = new CalendarDefinition(
                row.getString("name"), row.getString("zone"), week, holidays, row.getLong("version"));
        BusinessCalendar calendar = definition.parse().orRefuse().calendar();
        SlaCalendarView view = new SlaCalendarView(
                new SlaCalendarId(row.getObject("id", UUID.class)),
                row.getString("name"),
                ZoneId.of(row.getString("zone")).getId(),
                CalendarDefinition.weekOf(calendar),
                new TreeSet<>(calendar.holidays())
                        .stream().map(LocalDate::toString).toList(),
                row.getLong("version"));
        return new Stored(view, calendar);
    }

    static int workingDays(BusinessCalendar calendar) {
        return (int) java.util.Arrays.stream(DayOfWeek.values())
                .filter(day -> !calendar.week().getOrDefault(day, List.of()).isEmpty())
                .count();
    }
}
