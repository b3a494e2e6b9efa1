package io.cairn.isms.controls;

import io.cairn.isms.procedures.AnnexAControl;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor asks for: the runs that evidence a control, started from the first day of a period to its last
 * (both whole days in the zone of security procedures), optionally of one procedure type.
 *
 * @param procedureType the one type asked for; empty for every type
 * @param target completed within a number of working days, if asked
 */
record EvidenceQuery(
        AnnexAControl control,
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        @Nullable ProcedureTypeId procedureType,
        @Nullable CompletionTarget target) {

    /** What the auditor gave, as text: the control, the period, the type, and the working days on a calendar. */
    record Given(
            @Nullable String control,
            @Nullable String from,
            @Nullable String to,
            @Nullable String procedureType,
            @Nullable String withinWorkingDays,
            @Nullable String calendar) {}

    /** The longest period asked for at once. */
    static final int MAX_YEARS = 5;

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The query of the values given, or the refusal naming each field at fault: a control that is not in Annex A, a
     * missing or malformed date, an end before the start or more than {@value #MAX_YEARS} years after it, a procedure
     * type that does not exist, working days that are not a number from 0 to 366 or without a calendar, a calendar
     * that does not exist.
     */
    static Outcome<EvidenceQuery> of(
            Given given,
            ZoneId zone,
            Function<String, Optional<AnnexAControl>> controls,
            Predicate<ProcedureTypeId> typeExists,
            Function<String, Optional<CompletionTarget.NamedCalendar>> calendars) {
        String control = given.control();
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        AnnexAControl found = null;
        if (control == null || control.isBlank()) {
            problems.add(Refusal.FieldProblem.of("control", SharedRefusals.REQUIRED));
        } else {
            found = controls.apply(control).orElse(null);
            if (found == null) {
                problems.add(
                        Refusal.FieldProblem.of("control", ControlEvidenceRefusals.UNKNOWN_CONTROL, control.trim()));
            }
        }
        LocalDate first = date("from", given.from(), problems);
        LocalDate last = date("to", given.to(), problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(Refusal.FieldProblem.of("to", ControlEvidenceRefusals.TO_BEFORE_FROM, first.toString()));
            } else if (last.isAfter(first.plusYears(MAX_YEARS))) {
                problems.add(Refusal.FieldProblem.of(
                        "to", ControlEvidenceRefusals.PERIOD_TOO_LONG, String.valueOf(MAX_YEARS)));
            }
        }
        ProcedureTypeId type = type(given.procedureType(), typeExists, problems);
        CompletionTarget target = target(given.withinWorkingDays(), given.calendar(), calendars, problems);
        if (!problems.isEmpty() || found == null || first == null || last == null) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new EvidenceQuery(found, first, last, zone, type, target));
    }

    private static @Nullable CompletionTarget target(
            @Nullable String days,
            @Nullable String calendar,
            Function<String, Optional<CompletionTarget.NamedCalendar>> calendars,
            List<Refusal.FieldProblem> problems) {
        if (days == null || days.isBlank()) {
            return null;
        }
        Integer workingDays = null;
        if (days.trim().matches("\\d{1,3}") && Integer.parseInt(days.trim()) <= CompletionTarget.MAX_WORKING_DAYS) {
            workingDays = Integer.parseInt(days.trim());
        } else {
            problems.add(Refusal.FieldProblem.of(
                    "withinWorkingDays",
                    SharedRefusals.OUT_OF_RANGE,
                    "0",
                    String.valueOf(CompletionTarget.MAX_WORKING_DAYS)));
        }
        if (calendar == null || calendar.isBlank()) {
            problems.add(Refusal.FieldProblem.of("calendar", ControlEvidenceRefusals.CALENDAR_REQUIRED));
            return null;
        }
        Optional<CompletionTarget.NamedCalendar> found = calendars.apply(calendar.trim());
        if (found.isEmpty()) {
            problems.add(
                    Refusal.FieldProblem.of("calendar", ControlEvidenceRefusals.NO_SUCH_CALENDAR, calendar.trim()));
            return null;
        }
        return workingDays == null
                ? null
                : new CompletionTarget(
                        workingDays, found.get().name(), found.get().calendar());
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<Refusal.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(Refusal.FieldProblem.of(field, ControlEvidenceRefusals.NOT_A_DATE, text.trim()));
            return null;
        }
    }

    private static @Nullable ProcedureTypeId type(
            @Nullable String text, Predicate<ProcedureTypeId> typeExists, List<Refusal.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            ProcedureTypeId id = ProcedureTypeId.valueOf(text.trim());
            if (typeExists.test(id)) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // named below as not a procedure type
        }
        problems.add(
                Refusal.FieldProblem.of("procedureType", ControlEvidenceRefusals.NOT_A_PROCEDURE_TYPE, text.trim()));
        return null;
    }
}
