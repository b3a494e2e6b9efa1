package io.cairn.compliance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The status of an obligation's stage at an instant, as pages and the API name it, and its next warning. */
final class StageStatus {

    static final String NOT_YET_RUNNING = "not-yet-running";
    static final String OPEN = "open";
    static final String DUE_SOON = "due-soon";
    static final String OVERDUE = "overdue";
    static final String CLOSED = "closed-not-required";
    static final String NOT_STARTED = "not-started";
    static final String SUBMITTED = "submitted";
    static final String NO_LONGER_APPLIES = "no-longer-applies";

    /** The statuses of a stage that is not (or no longer) open. */
    static final java.util.Set<String> ENDED = java.util.Set.of(CLOSED, NOT_STARTED, NO_LONGER_APPLIES, SUBMITTED);

    private StageStatus() {}

    /**
     * Submitted, not started (it never opened), closed, not yet running, overdue after the due instant, due soon once its first
     * warning passed, else open.
     */
    static String of(StageState state, Regime.Stage stage, Instant now) {
        Instant due = state.dueAt();
        if (state.submittedAt() != null) {
            return SUBMITTED;
        }
        if (!state.required()) {
            return state.everRequired() ? CLOSED : NOT_STARTED;
        }
        if (due == null) {
            return NOT_YET_RUNNING;
        }
        if (now.isAfter(due)) {
            return OVERDUE;
        }
        List<Instant> warnings = warnings(state, stage);
        return !warnings.isEmpty() && !now.isBefore(warnings.get(0)) ? DUE_SOON : OPEN;
    }

    /** The next warning after {@code now}; none when none is left or the stage does not run. */
    static @Nullable Instant nextWarning(StageState state, Regime.Stage stage, Instant now) {
        return warnings(state, stage).stream()
                .filter(at -> at.isAfter(now))
                .findFirst()
                .orElse(null);
    }

    /** The warning instants of a running stage, earliest first. */
    static List<Instant> warnings(StageState state, Regime.Stage stage) {
        Instant due = state.dueAt();
        Instant start = state.clockStart();
        return !state.required() || state.submittedAt() != null || due == null || start == null
                ? List.of()
                : WarningThreshold.instants(stage.warnings(), start, due);
    }
}
