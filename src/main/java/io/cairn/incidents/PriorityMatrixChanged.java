package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin replaced the priority matrix. */
public record PriorityMatrixChanged(ActorRef actor, Instant at, String digestBefore, String digestAfter)
        implements AuditableEvent {

    @Override
    public String action() {
        return "priority-matrix.changed";
    }

    @Override
    public String objectType() {
        return "priority-matrix";
    }

    @Override
    public String objectId() {
        return "1";
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
