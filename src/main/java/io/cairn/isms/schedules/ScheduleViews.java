package io.cairn.isms.schedules;

import io.cairn.handling.sla.BusinessCalendars;
import io.cairn.handling.sla.SlaCalendarView;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Stored schedules and previews as the API and the pages show them, names and words in the reader's language. */
@Component
class ScheduleViews {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProcedureTypeLookup types;
    private final UsersForSystem users;
    private final BusinessCalendars calendars;
    private final RecurrenceWords words;

    ScheduleViews(ProcedureTypeLookup types, UsersForSystem users, BusinessCalendars calendars, RecurrenceWords words) {
        this.types = types;
        this.users = users;
        this.calendars = calendars;
        this.words = words;
    }

    List<ScheduleView> of(List<Schedule> schedules) {
        Map<UserId, String> owners = users
                .users(schedules.stream().map(Schedule::owner).toList())
                .stream()
                .collect(Collectors.toMap(UserView::id, UserView::username, (a, b) -> a));
        Map<io.cairn.handling.sla.SlaCalendarId, String> calendarNames = calendars.all().stream()
                .collect(Collectors.toMap(SlaCalendarView::id, SlaCalendarView::name, (a, b) -> a));
        Map<io.cairn.isms.procedures.ProcedureTypeId, String> typeNames = new java.util.HashMap<>();
        return schedules.stream()
                .map(schedule -> view(
                        schedule,
                        typeNames.computeIfAbsent(
                                schedule.procedureType(),
                                id -> types.find(id)
                                        .map(ProcedureTypeLookup.Type::name)
                                        .orElse(id.toString())),
                        owners.getOrDefault(schedule.owner(), schedule.owner().toString()),
                        schedule.calendar() == null ? null : calendarNames.get(schedule.calendar())))
                .toList();
    }

    ScheduleView of(Schedule schedule) {
        return of(List.of(schedule)).get(0);
    }

    /** The owner's login name, as the editor shows it. */
    String ownerName(Schedule schedule) {
        return users.users(List.of(schedule.owner())).stream()
                .findFirst()
                .map(UserView::username)
                .orElse("");
    }

    SchedulePreview preview(Recurrence recurrence, String rule, List<Recurrence.Occurrence> occurrences) {
        return new SchedulePreview(
                occurrences.stream()
                        .map(occurrence -> new SchedulePreview.Occurrence(
                                occurrence.at(),
                                occurrence.local().format(LOCAL),
                                words.weekday(occurrence.local().toLocalDate()),
                                occurrence.movedFrom() == null
                                        ? null
                                        : occurrence.movedFrom().toString()))
                        .toList(),
                words.of(rule, recurrence.firstDay()),
                recurrence.skipsShortMonths());
    }

    private ScheduleView view(Schedule schedule, String typeName, String owner, @Nullable String calendarName) {
        @Nullable Instant next = schedule.active() ? schedule.nextAt() : null;
        return new ScheduleView(
                schedule.id(),
                schedule.name(),
                schedule.procedureType(),
                typeName,
                owner,
                schedule.values(),
                schedule.recurrence(),
                words.of(schedule.recurrence(), schedule.firstDay()),
                schedule.firstDay().toString(),
                schedule.time().toString(),
                schedule.zone().getId(),
                schedule.calendar(),
                calendarName,
                schedule.nonWorkingDay().code(),
                schedule.active(),
                next,
                next == null ? null : local(next, schedule.zone()),
                schedule.fired(),
                schedule.updatedAt(),
                schedule.updatedBy(),
                schedule.version());
    }

    private static String local(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).format(LOCAL);
    }
}
