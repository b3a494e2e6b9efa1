package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin added, revised, retired or restored a playbook, or one started on an incident.
 *
 * @param playbook the playbook's key
 * @param verb {@code added}, {@code revised}, {@code retired}, {@code restored} or {@code started}
 */
public record PlaybookChanged(String playbook, ActorRef actor, Instant at, String verb,
        Optional<String> beforeDigest, Optional<String> afterDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "playbook." + verb;
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
