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
 */
record EvidenceQuery(
        AnnexAControl control,
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        @Nullable ProcedureTypeId procedureType) {

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
     * type that does not exist.
     */
    static Outcome<EvidenceQuery> of(
            @Nullable String control,
            @Nullable String from,
            @Nullable String to,
            @Nullable String procedureType,
            ZoneId zone,
            Function<String, Optional<AnnexAControl>> controls,
            Predicate<ProcedureTypeId> typeExists) {
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
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(Refusal.FieldProblem.of("to", ControlEvidenceRefusals.TO_BEFORE_FROM, first.toString()));
            } else if (last.isAfter(first.plusYears(MAX_YEARS))) {
                problems.add(Refusal.FieldProblem.of(
                        "to", ControlEvidenceRefusals.PERIOD_TOO_LONG, String.valueOf(MAX_YEARS)));
            }
        }
        ProcedureTypeId type = type(procedureType, typeExists, problems);
        if (!problems.isEmpty() || found == null || first == null || last == null) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new EvidenceQuery(found, first, last, zone, type));
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
