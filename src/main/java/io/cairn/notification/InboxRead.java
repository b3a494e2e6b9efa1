package io.cairn.notification;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * A user marked in-app messages read: one message ({@code inbox-message}, by its id), or all their unread ones
 * ({@code inbox}, by the user's id).
 *
 * @param objectType {@code inbox-message} or {@code inbox}
 * @param objectId the message's id, or the user's
 * @param messages how many messages went from unread to read
 */
public record InboxRead(String objectType, String objectId, int messages, ActorRef actor, Instant at)
        implements AuditableEvent {

    static InboxRead message(java.util.UUID message, ActorRef actor, Instant at) {
        return new InboxRead("inbox-message", message.toString(), 1, actor, at);
    }

    static InboxRead all(ActorRef actor, int messages, Instant at) {
        return new InboxRead("inbox", actor.id(), messages, actor, at);
    }

    @Override
    public String action() {
        return "notification.inbox-read";
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.of(ContentDigest.of(objectType + " " + objectId + ": " + messages + " unread")
                .hex());
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(ContentDigest.of(objectType + " " + objectId + ": " + messages + " read at " + at)
                .hex());
    }
}
