package io.cairn.risks;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A risk of the register was registered, revised, assessed, materialized, closed, reopened, or linked. */
public record RiskChanged(
        RiskId risk, ActorRef actor, Instant at, Verb verb, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the risk. */
    public enum Verb implements AuditVerb {
        REGISTERED,
        REVISED,
        ASSESSED,
        MATERIALIZED,
        CLOSED,
        REOPENED,
        INCIDENT_LINKED,
        INCIDENT_UNLINKED,
        ASSET_LINKED,
        ASSET_UNLINKED,
        PROPOSAL_DISMISSED,
        CORRECTIVE_ACTION_LINKED,
        RAISED_FROM
    }

    @Override
    public String action() {
        return "risk." + verb.code();
    }

    @Override
    public String objectType() {
        return "risk";
    }

    @Override
    public String objectId() {
        return risk.toString();
    }
}
