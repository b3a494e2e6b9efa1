package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An admin sent a dead message of the federation outbox back to be pushed again. */
public record DeliveryRetried(UUID message, ActorRef actor, Instant at) implements AuditableEvent {

    @Override
    public String action() {
        return "federation-message.retried";
    }

    @Override
    public String objectType() {
        return "federation-message";
    }

    @Override
    public String objectId() {
        return message.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.of("dead");
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of("pending");
    }
}
