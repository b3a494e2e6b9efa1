package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A file was kept with an incident: uploaded with a report, by a handler, or by its reporter. */
public record AttachmentStored(IncidentId incident, UUID attachment, String sha256, ActorRef actor, Instant at)
        implements AuditableEvent {

    @Override
    public String action() {
        return "attachment.stored";
    }

    @Override
    public String objectType() {
        return "attachment";
    }

    @Override
    public String objectId() {
        return attachment + " of incident " + incident;
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(sha256);
    }
}
