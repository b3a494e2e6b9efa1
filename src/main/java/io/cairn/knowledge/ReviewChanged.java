package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A post-incident review was drafted, completed or reopened, or one of its corrective actions was added, done or
 * reopened.
 */
public record ReviewChanged(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the review or one of its corrective actions. */
    public enum Verb implements AuditVerb {
        DRAFTED,
        COMPLETED,
        REVISED,
        REOPENED,
        ACTION_ADDED,
        ACTION_DONE,
        ACTION_REOPENED
    }

    @Override
    public String action() {
        return "post-incident-review." + verb.code();
    }

    @Override
    public String objectType() {
        return "post-incident-review";
    }

    @Override
    public String objectId() {
        return incident.toString();
    }
}
