package io.cairn.compliance;

import java.time.Instant;

/** When a stage of a regime is due, or that its clock does not run yet. */
public sealed interface Deadline {

    /**
     * The stage is due at an instant.
     *
     * @param internalTarget the law sets no time ("without undue delay"): the instant is the organisation's own target
     */
    record Due(Instant at, boolean internalTarget) implements Deadline {}

    /** The clock does not run yet: the fact it counts from is not recorded. */
    record NotYetRunning(String waitingFor) implements Deadline {}
}
