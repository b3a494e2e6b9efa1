package io.cairn.notification;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin sent a dead-lettered notification back to the outbox for another round of attempts. */
public record NotificationRetried(
        NotificationId notification, ActorRef actor, Instant at, String digestBefore, String digestAfter)
        implements AuditableEvent {

    @Override
    public String action() {
        return "notification.retried";
    }

    @Override
    public String objectType() {
        return "notification";
    }

    @Override
    public String objectId() {
        return notification.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.of(digestBefore);
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(digestAfter);
    }
}
