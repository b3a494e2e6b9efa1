package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A user issued the secret address of their calendar feed of deadlines (again), or revoked it. */
public record CalendarFeedChanged(UserId user, ActorRef actor, Instant at, Verb verb) implements AuditableEvent {

    /** What happened to the feed's address. */
    public enum Verb implements AuditVerb {
        ISSUED,
        REVOKED
    }

    @Override
    public String action() {
        return "calendar-feed." + verb.code();
    }

    @Override
    public String objectType() {
        return "calendar-feed";
    }

    @Override
    public String objectId() {
        return user.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.empty();
    }
}
