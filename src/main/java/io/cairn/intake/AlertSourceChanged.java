package io.cairn.intake;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin registered, changed or removed an alert source.
 */
public record AlertSourceChanged(
        String source,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the alert source. */
    public enum Verb implements AuditVerb {
        REGISTERED,
        CHANGED,
        REMOVED
    }

    @Override
    public String action() {
        return "alert-source." + verb.code();
    }

    @Override
    public String objectType() {
        return "alert-source";
    }

    @Override
    public String objectId() {
        return source;
    }
}
