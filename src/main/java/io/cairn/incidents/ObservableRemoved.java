package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.Tlp;
import java.time.Instant;

/**
 * An observable was removed from an incident.
 *
 * @param observable the observable
 * @param type its type's code
 * @param value its value
 * @param tlp its marking when it was removed
 * @param ioc whether it is an indicator of compromise
 */
public record ObservableRemoved(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        ObservableId observable,
        String type,
        String value,
        Tlp tlp,
        boolean ioc,
        String digestBefore,
        String digestAfter)
        implements ObservableEvent {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "observable-removed";

    @Override
    public String verb() {
        return VERB;
    }
}
