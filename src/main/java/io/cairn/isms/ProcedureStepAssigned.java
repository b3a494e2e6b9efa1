package io.cairn.isms;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step of a run of a security procedure opened for the people who do it: its team, the person named to approve it,
 * or (with neither) the run's owner.
 *
 * @param procedure the procedure's name by language code ({@code en}, {@code nl})
 * @param title the step's title by language code
 * @param team the team that does it; empty when a person does
 * @param approver the person named to approve it; empty when its team or the owner does it
 */
public record ProcedureStepAssigned(
        UUID run,
        String reference,
        Map<String, String> procedure,
        UUID step,
        Map<String, String> title,
        boolean approval,
        @Nullable UUID team,
        @Nullable UUID approver,
        UUID owner,
        @Nullable Instant due,
        Instant at) {}
