package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which runs a list shows: by state, optionally of one procedure type, a page of a size.
 *
 * @param page the page, from 0
 * @param size the runs per page, 1 to 200
 */
public record RunFilter(Shown state, @Nullable ProcedureTypeId procedureType, int page, int size) {

    /** The most runs a page holds. */
    public static final int MAX_SIZE = 200;

    /** The filter a request asks for, every wrong parameter named: a state, a page from 0, a size from 1 to 200. */
    public static Outcome<RunFilter> of(
            @Nullable String state, @Nullable ProcedureTypeId procedureType, int page, int size) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        String wanted = state == null || state.isBlank() ? "open" : state.trim().toLowerCase(Locale.ROOT);
        Optional<Shown> shown = Arrays.stream(Shown.values())
                .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
        if (shown.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("state", SharedRefusals.MUST_BE_ONE_OF, "open, closed, all"));
        }
        if (page < 0 || page > 100_000) {
            problems.add(Refusal.FieldProblem.of("page", SharedRefusals.OUT_OF_RANGE, "0", "100000"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(Refusal.FieldProblem.of("size", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(MAX_SIZE)));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new RunFilter(shown.orElseThrow(), procedureType, page, size));
    }

    /** Which runs by state. */
    public enum Shown {
        OPEN,
        CLOSED,
        ALL
    }
}
