package io.cairn.knowledge;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin added, renamed, retired or restored a root cause of the vocabulary. */
public record RootCauseChanged(String key, ActorRef actor, Instant at, String verb, Optional<String> beforeDigest,
        Optional<String> afterDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "root-cause." + verb;
    }

    @Override
    public String objectType() {
        return "root-cause";
    }

    @Override
    public String objectId() {
        return key;
    }
}
