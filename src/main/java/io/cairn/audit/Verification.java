package io.cairn.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole audit trail.
 *
 * @param intact true when every record is present, in order and unaltered
 * @param checked how many records were read
 * @param firstBroken the first record found broken, absent when intact
 * @param problems every problem found, up to a limit, in trail order
 */
public record Verification(boolean intact, long checked, @Nullable Problem firstBroken, List<Problem> problems) {

    /** What is wrong at one place in the trail (named apart from the API's problem details in the OpenAPI document). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "VerificationProblem")
    public record Problem(long seq, Kind kind, String message) {}

    /** The kinds of damage verification recognises. */
    public enum Kind {
        /** The record's content no longer matches its hash. */
        ALTERED,
        /** Records are absent: a gap in the sequence, or the end of the trail cut off. */
        MISSING,
        /** The record does not chain to the one before it: reordered or inserted. */
        OUT_OF_ORDER
    }

    public Verification {
        problems = List.copyOf(problems);
    }
}
