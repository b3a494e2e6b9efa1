package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A user recorded a decision about an incident (its first version) or re-assessed it (a new version). */
public record DecisionRecorded(
        IncidentId incident,
        DecisionKind kind,
        long version,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the decision record. */
    public enum Verb implements AuditVerb {
        DECIDED,
        REASSESSED
    }

    @Override
    public String action() {
        return "decision-record." + verb.code();
    }

    @Override
    public String objectType() {
        return "decision-record";
    }

    @Override
    public String objectId() {
        return incident + "/" + kind.code();
    }
}
