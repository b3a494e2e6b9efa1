package io.cairn.handling;

import io.cairn.shared.AuditableEvent;
import io.cairn.shared.ContentDigest;
import java.util.Optional;

/**
 * An auditable event that is itself the new state it records: no state before it, and the digest of the event (its
 * {@code toString()}, every record component) after it.
 */
public interface AuditedAsNewState extends AuditableEvent {

    @Override
    default Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    default Optional<String> afterDigest() {
        return Optional.of(ContentDigest.of(toString()).hex());
    }
}
