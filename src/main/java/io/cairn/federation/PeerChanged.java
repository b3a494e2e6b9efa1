package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin registered, changed, suspended, resumed or removed a peer, or its keys were fetched anew. */
public record PeerChanged(
        PeerId peer, ActorRef actor, Instant at, Verb verb, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the peer. */
    public enum Verb implements AuditVerb {
        REGISTERED,
        CHANGED,
        SUSPENDED,
        RESUMED,
        KEYS_REFRESHED,
        REMOVED
    }

    @Override
    public String action() {
        return "federation-peer." + verb.code();
    }

    @Override
    public String objectType() {
        return "federation-peer";
    }

    @Override
    public String objectId() {
        return peer.toString();
    }
}
