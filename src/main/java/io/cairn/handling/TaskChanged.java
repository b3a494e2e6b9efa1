package io.cairn.handling;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A task of an incident was created (from a playbook step or by a handler), completed, skipped or reopened.
 */
public record TaskChanged(
        UUID task,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the task. */
    public enum Verb implements AuditVerb {
        CREATED,
        COMPLETED,
        SKIPPED,
        REOPENED
    }

    @Override
    public String action() {
        return "task." + verb.code();
    }

    @Override
    public String objectType() {
        return "task";
    }

    @Override
    public String objectId() {
        return task.toString();
    }
}
