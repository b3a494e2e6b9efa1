package io.cairn.isms.runs;

import io.cairn.incidents.IncidentTitle;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding of a run that becomes an incident: a penetration test's weakness, a leaver's account still in use.
 *
 * @param title what the incident is called
 * @param description what was found, and where
 */
public record Finding(@Nullable String title, @Nullable String description) {

    static final int MAX_DESCRIPTION = 20_000;

    /** The finding checked: a title and a description, neither empty nor too long, each problem named by its field. */
    Outcome<Finding> checked() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        check("title", title, IncidentTitle.MAX_LENGTH, problems);
        check("description", description, MAX_DESCRIPTION, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new Finding(
                java.util.Objects.requireNonNull(title).trim(),
                java.util.Objects.requireNonNull(description).trim()));
    }

    private static void check(String field, @Nullable String text, int limit, List<Refusal.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
        } else if (text.length() > limit) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.TOO_LONG, String.valueOf(limit)));
        }
    }
}
