package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident was given an owner, a team or a business unit, or lost them.
 *
 * @param owner the owner after the change; empty for nobody
 * @param team the team after the change, if any
 * @param businessUnit the business unit after the change, if any
 */
public record IncidentAssigned(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        @Nullable UserId owner,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "assigned";

    @Override
    public String verb() {
        return VERB;
    }
}
