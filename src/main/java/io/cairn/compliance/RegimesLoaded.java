package io.cairn.compliance;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin had the regime files read again; the digest covers the ids and versions of the regimes now in force and
 * the refusals of the load.
 */
public record RegimesLoaded(ActorRef actor, Instant at, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the regimes. */
    public enum Verb implements AuditVerb {
        RELOADED
    }

    @Override
    public String action() {
        return "regimes." + Verb.RELOADED.code();
    }

    @Override
    public String objectType() {
        return "regimes";
    }

    @Override
    public String objectId() {
        return "in-force";
    }
}
