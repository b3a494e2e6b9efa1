package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin added, revised, retired or restored a playbook, or one started on an incident.
 *
 * @param playbook the playbook's key
 */
public record PlaybookChanged(
        String playbook,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the playbook. */
    public enum Verb implements AuditVerb {
        ADDED,
        REVISED,
        RETIRED,
        RESTORED,
        STARTED
    }

    @Override
    public String action() {
        return "playbook." + verb.code();
    }

    @Override
    public String objectType() {
        return "playbook";
    }

    @Override
    public String objectId() {
        return playbook;
    }
}
