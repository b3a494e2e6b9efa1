package io.cairn.isms;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin added, revised, retired or restored a procedure type, or Cairn added one it ships.
 *
 * @param procedureType the procedure type's key
 */
public record ProcedureTypeChanged(
        String procedureType,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the procedure type. */
    public enum Verb implements AuditVerb {
        ADDED,
        REVISED,
        RETIRED,
        RESTORED
    }

    @Override
    public String action() {
        return "procedure-type." + verb.code();
    }

    @Override
    public String objectType() {
        return "procedure-type";
    }

    @Override
    public String objectId() {
        return procedureType;
    }
}
