package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin created a legal entity or changed its regulatory profile. */
public record LegalEntityChanged(
        LegalEntityId legalEntity,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the legal entity. */
    public enum Verb implements AuditVerb {
        CREATED,
        CHANGED
    }

    @Override
    public String action() {
        return "legal-entity." + verb.code();
    }

    @Override
    public String objectType() {
        return "legal-entity";
    }

    @Override
    public String objectId() {
        return legalEntity.toString();
    }
}
