package io.cairn.knowledge;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin added, renamed, retired or restored a root cause of the vocabulary. */
public record RootCauseChanged(
        String key, ActorRef actor, Instant at, Verb verb, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the root cause. */
    public enum Verb implements AuditVerb {
        ADDED,
        RENAMED,
        RETIRED,
        RESTORED
    }

    @Override
    public String action() {
        return "root-cause." + verb.code();
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
