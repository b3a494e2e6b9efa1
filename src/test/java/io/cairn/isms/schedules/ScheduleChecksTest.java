package io.cairn.isms.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.handling.sla.BusinessCalendar;
import io.cairn.handling.sla.SlaCalendarId;
import io.cairn.handling.sla.SlaCalendarView;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.isms.procedures.FormField;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleChecksTest {

    private static final ProcedureDefinition REVIEW = new ProcedureDefinition(
            "access-review",
            "Access review",
            null,
            List.of(
                    new FormField("scope", "Scope", FormField.Kind.TEXT, true, null, null),
                    new FormField("reviewer", "Reviewer", FormField.Kind.USER, false, null, null),
                    new FormField("deadline", "Deadline", FormField.Kind.DATE, false, null, null),
                    new FormField("level", "Level", FormField.Kind.CHOICE, false, List.of("low", "high"), null)),
            List.of(new ProcedureDefinition.Phase("review", "Review")),
            List.of(),
            "P5D",
            null);
    private static final ProcedureTypeLookup.Type ACTIVE =
            new ProcedureTypeLookup.Type(ProcedureTypeId.random(), REVIEW, false, REVIEW);
    private static final ProcedureTypeLookup.Type RETIRED =
            new ProcedureTypeLookup.Type(ProcedureTypeId.random(), REVIEW, true, REVIEW);
    private static final SlaCalendarId OFFICE = SlaCalendarId.random();

    private final ScheduleChecks checks = new ScheduleChecks(new ScheduleChecks.Directory(
            key -> key.equals("access-review")
                    ? Optional.of(ACTIVE)
                    : key.equals("old") ? Optional.of(RETIRED) : Optional.empty(),
            name -> Optional.of(user(name, !name.startsWith("gone"))).filter(user -> !name.startsWith("nobody")),
            name -> name.equals("Office")
                    ? Optional.of(new SlaCalendarView(OFFICE, "Office", "Europe/Amsterdam", Map.of(), List.of(), 0))
                    : Optional.empty(),
            id -> Optional.of(BusinessCalendar.workingDays(
                    ZoneId.of("Europe/Amsterdam"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()))));

    private static UserView user(String name, boolean enabled) {
        return new UserView(
                UserId.random(), name, name, null, null, Set.of(), Set.of(), null, enabled, false, Instant.EPOCH, 0);
    }

    private static ScheduleDraft draft(
            String type, String owner, Map<String, String> values, String time, String zone) {
        return new ScheduleDraft(
                "Quarterly review",
                type,
                owner,
                values,
                "FREQ=MONTHLY;BYDAY=1MO",
                "2027-01-01",
                time,
                zone,
                null,
                null);
    }

    private static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome)
                .refusal().fields().stream().map(Refusal.FieldProblem::field).toList();
    }

    @Test
    void acceptsASchedulePassingEveryCheck() {
        Outcome<CheckedSchedule> checked = checks.check(draft(
                "access-review", "alice", Map.of("scope", "Admins", "level", "high"), "09:00", "Europe/Amsterdam"));

        assertThat(checked).isInstanceOf(Outcome.Done.class);
        CheckedSchedule schedule = ((Outcome.Done<CheckedSchedule>) checked).value();
        assertThat(schedule.rule()).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
        assertThat(schedule.recurrence().firstDay()).isEqualTo(LocalDate.parse("2027-01-01"));
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Map<String, String> values = Map.of("colour", "blue", "reviewer", "gone-bob", "deadline", "soon", "level", "x");

        assertThat(fields(checks.check(draft("access-review", "nobody", values, "9am", "Mars/Olympus"))))
                .containsExactlyInAnyOrder(
                        "owner",
                        "values.colour",
                        "values.scope",
                        "values.reviewer",
                        "values.deadline",
                        "values.level",
                        "time",
                        "zone");
    }

    @Test
    void refusesARetiredOrUnknownTypeAndADisabledOwner() {
        assertThat(fields(checks.check(draft("old", "alice", Map.of(), "09:00", "UTC"))))
                .containsExactly("procedureType");
        assertThat(fields(checks.check(draft("ghost", "gone-carol", Map.of(), "09:00", "UTC"))))
                .containsExactly("procedureType", "owner");
    }

    @Test
    void refusesAnUnknownCalendarAndPolicyAndADayThatIsNoDate() {
        ScheduleDraft draft = new ScheduleDraft(
                "x", "", "", Map.of(), "FREQ=WEEKLY", "2027-02-30", "09:00", "UTC", "Holidays", "whenever");

        assertThat(fields(checks.timing(draft))).containsExactly("firstDay", "nonWorkingDay", "calendar");
    }

    @Test
    void countsWorkingDaysOnTheNamedCalendar() {
        ScheduleDraft saturdays = new ScheduleDraft(
                "x",
                "",
                "",
                Map.of(),
                "FREQ=WEEKLY;BYDAY=SA",
                "2027-05-01",
                "09:00",
                "Europe/Amsterdam",
                "Office",
                null);

        Outcome<ScheduleChecks.Timing> timing = checks.timing(saturdays);

        assertThat(timing).isInstanceOf(Outcome.Done.class);
        ScheduleChecks.Timing done = ((Outcome.Done<ScheduleChecks.Timing>) timing).value();
        assertThat(done.calendar()).isEqualTo(OFFICE);
        assertThat(done.recurrence()
                        .from(Instant.parse("2027-05-01T00:00:00Z"), 1)
                        .get(0)
                        .local()
                        .toLocalDate())
                .isEqualTo(LocalDate.parse("2027-05-03"));
    }
}
