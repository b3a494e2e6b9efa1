package io.cairn.intake;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin registered, changed or removed an alert source.
 *
 * @param verb {@code registered}, {@code changed} or {@code removed}
 */
public record AlertSourceChanged(String source, ActorRef actor, Instant at, String verb, Optional<String> beforeDigest,
        Optional<String> afterDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "alert-source." + verb;
    }

    @Override
    public String objectType() {
        return "alert-source";
    }

    @Override
    public String objectId() {
        return source;
    }
}
