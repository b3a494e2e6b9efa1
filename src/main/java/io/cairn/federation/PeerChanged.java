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
        REMOVED,
        /** The peer's witness key was pinned at the first round of witnessing its audit trail. */
        WITNESS_KEY_PINNED,
        /** An admin forgot the peer's pinned witness key, so that the next round pins the one it then serves. */
        WITNESS_KEY_FORGOTTEN
    }

    /** A change that leaves the peer's registration as it was (the digests are of the registration). */
    static PeerChanged of(PeerId peer, ActorRef actor, Instant at, Verb verb) {
        return new PeerChanged(peer, actor, at, verb, Optional.empty(), Optional.empty());
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
