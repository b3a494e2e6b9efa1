package io.cairn.compliance;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An obligation of an incident opened (a stage came to be required), its stages changed after a fact or decision
 * changed, an admin re-based it on the regime version now in force, it closed because its regime no longer applies, or it
 * opened again; the digests cover its stages' due instants.
 */
public record ObligationChanged(
        UUID obligation,
        String regime,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the obligation. */
    public enum Verb implements AuditVerb {
        OPENED,
        RECOMPUTED,
        REBASED,
        CLOSED,
        REOPENED
    }

    @Override
    public String action() {
        return "obligation." + verb.code();
    }

    @Override
    public String objectType() {
        return "obligation";
    }

    @Override
    public String objectId() {
        return obligation.toString();
    }
}
