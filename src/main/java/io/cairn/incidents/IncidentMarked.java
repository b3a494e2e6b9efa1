package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident's TLP, PAP or confidentiality changed.
 *
 * @param reason the handler's reason for the change, required when the TLP is lowered; null when none was given
 */
public record IncidentMarked(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        Tlp tlp,
        Pap pap,
        boolean confidential,
        @Nullable String reason,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "marked";

    @Override
    public String verb() {
        return VERB;
    }
}
