package io.cairn.compliance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a stage of an obligation stands, as the derivation leaves it.
 *
 * @param required whether the stage's {@code opens-on} facts hold now
 * @param everRequired whether they ever held: a stage that closed as not required and opens again keeps its start
 * @param startFloor no clock of the stage counts from before this instant: when a re-assessment made the stage due,
 *     the moment the new facts were established (GDPR-11); none when the first assessment made it due
 * @param dueAt the due instant; none while the clock does not run (or the stage is not required)
 * @param internalTarget the law sets no time: the due instant is the organisation's own target
 * @param openedAt when the stage first opened
 * @param closedAt when it closed as not required; none while required
 * @param clockStart the instant the stage's clock counts from; none while it does not run
 * @param nextWarningAt the earliest warning (or the due instant, for the overdue notice) the scan looks at next; none
 *     when nothing is left to tell
 * @param submittedAt when its report was first submitted; from then on the stage keeps its deadline and is no longer
 *     open, whatever the facts do
 */
record StageState(
        String stage,
        boolean required,
        boolean everRequired,
        @Nullable Instant startFloor,
        @Nullable Instant dueAt,
        boolean internalTarget,
        @Nullable Instant openedAt,
        @Nullable Instant closedAt,
        @Nullable Instant clockStart,
        @Nullable Instant nextWarningAt,
        @Nullable Instant submittedAt) {

    /** A stage that never opened. */
    static StageState never(String stage) {
        return new StageState(stage, false, false, null, null, false, null, null, null, null, null);
    }

    /** This stage, submitted at the instant: nothing left to warn of. */
    StageState submitted(Instant at) {
        return new StageState(
                stage,
                required,
                everRequired,
                startFloor,
                dueAt,
                internalTarget,
                openedAt,
                closedAt,
                clockStart,
                null,
                at);
    }
}
