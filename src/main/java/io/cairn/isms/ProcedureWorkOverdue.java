package io.cairn.isms;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step or a whole run of a security procedure passed its due time while open. An overdue step is told to those who do
 * it and to the run's owner; an overdue run to its owner, and escalated to the coordinators.
 *
 * @param step the overdue step; empty when the run itself is overdue
 * @param procedure the procedure's name by language code ({@code en}, {@code nl})
 * @param title the step's title, or the procedure's name for the run, by language code
 * @param team the step's team, if a team does it
 * @param approver the step's named approver, if one decides it
 */
public record ProcedureWorkOverdue(
        UUID run,
        String reference,
        Map<String, String> procedure,
        @Nullable UUID step,
        Map<String, String> title,
        @Nullable UUID team,
        @Nullable UUID approver,
        UUID owner,
        Instant due,
        Instant at) {

    /** Whether the whole run is overdue, not one of its steps. */
    public boolean isRun() {
        return step == null;
    }
}
