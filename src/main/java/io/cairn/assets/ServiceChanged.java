package io.cairn.assets;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin registered, changed, retired or restored a service. */
public record ServiceChanged(
        ServiceId service,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the service. */
    public enum Verb implements AuditVerb {
        REGISTERED,
        CHANGED,
        RETIRED,
        RESTORED
    }

    @Override
    public String action() {
        return "service." + verb.code();
    }

    @Override
    public String objectType() {
        return "service";
    }

    @Override
    public String objectId() {
        return service.toString();
    }
}
