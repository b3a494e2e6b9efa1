package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin created, changed or removed a business-hour calendar, an SLA policy or an escalation level. */
public record SlaConfigurationChanged(
        Verb verb,
        Subject subject,
        String objectId,
        ActorRef actor,
        Instant at,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to it. */
    public enum Verb implements AuditVerb {
        CREATED,
        CHANGED,
        REMOVED
    }

    /** What was configured, named in the audit trail as its object type. */
    public enum Subject implements AuditVerb {
        SLA_CALENDAR,
        SLA_POLICY,
        ESCALATION_LEVEL
    }

    @Override
    public String objectType() {
        return subject.code();
    }

    @Override
    public String action() {
        return subject.code() + "." + verb.code();
    }
}
