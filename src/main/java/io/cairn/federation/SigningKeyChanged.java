package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** This instance generated a signing key, at its first start or in a rotation, or a rotation retired one. */
public record SigningKeyChanged(
        String kid, ActorRef actor, Instant at, Verb verb, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the key. */
    public enum Verb implements AuditVerb {
        GENERATED,
        RETIRED
    }

    @Override
    public String action() {
        return "federation-key." + verb.code();
    }

    @Override
    public String objectType() {
        return "federation-key";
    }

    @Override
    public String objectId() {
        return kid;
    }
}
