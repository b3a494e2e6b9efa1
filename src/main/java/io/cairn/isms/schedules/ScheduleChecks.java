package io.cairn.isms.schedules;

import io.cairn.handling.sla.BusinessCalendar;
import io.cairn.handling.sla.BusinessCalendars;
import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.handling.sla.SlaCalendarView;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks of a schedule before anything is stored, every problem named by its field: the name, the procedure type
 * (it exists and is not retired), the owner (an enabled user), the start form's values (against the type's form, see
 * {@link FormValueChecks}), and when it fires: the first day, the time as HH:mm, the zone, the calendar, what to do on a
 * non-working day, and the recurrence rule ({@link Recurrence#of}).
 */
@Component
class ScheduleChecks {

    private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");

    private final Directory directory;

    @org.springframework.beans.factory.annotation.Autowired
    ScheduleChecks(ProcedureTypeLookup types, UsersForSystem users, BusinessCalendars calendars) {
        this(new Directory(types::find, users::userNamed, calendars::find, calendars::calendar));
    }

    ScheduleChecks(Directory directory) {
        this.directory = directory;
    }

    /**
     * Where the checks look things up: procedure types by id or key, users by login name, calendars by id or name and
     * the calendar to count on.
     */
    record Directory(
            Function<String, Optional<ProcedureTypeLookup.Type>> types,
            Function<String, Optional<UserView>> users,
            Function<String, Optional<SlaCalendarView>> calendars,
            Function<SlaCalendarId, Optional<BusinessCalendar>> calendar) {}

    /** When a schedule fires, with the calendar it counts working days on. */
    record Timing(Recurrence recurrence, @Nullable SlaCalendarId calendar) {}

    /** The whole schedule, or every problem with it. */
    Outcome<CheckedSchedule> check(ScheduleDraft draft) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (draft.name().isEmpty() || draft.name().length() > 100) {
            problems.add(Refusal.FieldProblem.of("name", SharedRefusals.NAME_LENGTH));
        }
        Optional<ProcedureTypeLookup.Type> type = type(draft.procedureType(), problems);
        Optional<UserView> owner = enabledUser(draft.owner(), "owner", ScheduleRefusals.OWNER_NOT_ENABLED, problems);
        type.ifPresent(
                found -> problems.addAll(new FormValueChecks(directory.users()).problems(found, draft.values())));
        Outcome<Timing> timing = timing(draft);
        if (timing instanceof Outcome.Refused<Timing> refused) {
            problems.addAll(refused.refusal().fields());
        }
        if (!problems.isEmpty() || !(timing instanceof Outcome.Done<Timing> done)) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        Recurrence recurrence = done.value().recurrence();
        return Outcome.done(new CheckedSchedule(
                draft.name(),
                type.orElseThrow().id(),
                owner.orElseThrow().id(),
                draft.values(),
                RecurrenceRules.normalised(draft.recurrence()),
                recurrence.firstDay(),
                recurrence.time(),
                recurrence.zone(),
                done.value().calendar(),
                recurrence.onNonWorkingDay(),
                recurrence));
    }

    /** When the schedule fires (what the preview needs), or every problem with it. */
    Outcome<Timing> timing(ScheduleDraft draft) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Optional<LocalDate> firstDay = firstDay(draft.firstDay(), problems);
        Optional<LocalTime> time = time(draft.time(), problems);
        Optional<ZoneId> zone = zone(draft.zone(), problems);
        Optional<NonWorkingDay> policy = NonWorkingDay.ofCode(draft.nonWorkingDay());
        if (policy.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("nonWorkingDay", ScheduleRefusals.NOT_A_POLICY));
        }
        Optional<SlaCalendarView> calendar = Optional.empty();
        if (draft.calendar() != null) {
            calendar = directory.calendars().apply(draft.calendar());
            if (calendar.isEmpty()) {
                problems.add(Refusal.FieldProblem.of("calendar", ScheduleRefusals.NO_SUCH_CALENDAR, draft.calendar()));
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        @Nullable SlaCalendarId calendarId = calendar.map(SlaCalendarView::id).orElse(null);
        @Nullable
        BusinessCalendar counted =
                calendar.flatMap(view -> directory.calendar().apply(view.id())).orElse(null);
        return Recurrence.of(
                        draft.recurrence(),
                        firstDay.orElseThrow(),
                        time.orElseThrow(),
                        zone.orElseThrow(),
                        counted,
                        policy.orElseThrow())
                .map(recurrence -> new Timing(recurrence, calendarId));
    }

    private Optional<ProcedureTypeLookup.Type> type(String idOrKey, List<Refusal.FieldProblem> problems) {
        if (idOrKey.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("procedureType", SharedRefusals.REQUIRED));
            return Optional.empty();
        }
        Optional<ProcedureTypeLookup.Type> type = directory.types().apply(idOrKey);
        if (type.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("procedureType", ScheduleRefusals.NO_SUCH_TYPE, idOrKey));
        } else if (type.get().retired()) {
            problems.add(Refusal.FieldProblem.of(
                    "procedureType", ScheduleRefusals.TYPE_RETIRED, type.get().name()));
            return Optional.empty();
        }
        return type;
    }

    /** The enabled user of this login name, or a problem of the field. */
    private Optional<UserView> enabledUser(
            String username, String field, Refusal.Reason reason, List<Refusal.FieldProblem> problems) {
        if (username.isEmpty()) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
            return Optional.empty();
        }
        Optional<UserView> user = directory.users().apply(username).filter(UserView::enabled);
        if (user.isEmpty()) {
            problems.add(Refusal.FieldProblem.of(field, reason, username));
        }
        return user;
    }

    private static Optional<LocalDate> firstDay(String text, List<Refusal.FieldProblem> problems) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(
                    text.isEmpty()
                            ? Refusal.FieldProblem.of("firstDay", SharedRefusals.REQUIRED)
                            : Refusal.FieldProblem.of("firstDay", ScheduleRefusals.NOT_A_DAY, text));
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String text, List<Refusal.FieldProblem> problems) {
        try {
            if (HH_MM.matcher(text).matches()) {
                return Optional.of(LocalTime.parse(text));
            }
        } catch (DateTimeParseException e) {
            // refused below, as any other text that is not HH:mm
        }
        problems.add(Refusal.FieldProblem.of("time", ScheduleRefusals.NOT_A_TIME, text));
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(String text, List<Refusal.FieldProblem> problems) {
        try {
            if (text.contains("/") || text.equals("UTC")) {
                return Optional.of(ZoneId.of(text));
            }
        } catch (DateTimeException e) {
            // refused below, as a zone that names no region
        }
        problems.add(Refusal.FieldProblem.of("zone", ScheduleRefusals.NOT_A_ZONE, text));
        return Optional.empty();
    }
}
