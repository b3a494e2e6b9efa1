package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A user set a regime fact of an incident (its first version) or changed it (a new version). */
public record RegimeFactRecorded(
        IncidentId incident,
        FactKey fact,
        long version,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the fact. */
    public enum Verb implements AuditVerb {
        RECORDED,
        CHANGED
    }

    @Override
    public String action() {
        return "regime-fact." + verb.code();
    }

    @Override
    public String objectType() {
        return "regime-fact";
    }

    @Override
    public String objectId() {
        return incident + "/" + fact;
    }
}
