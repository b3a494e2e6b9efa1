package io.cairn.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * An event that the audit trail records in the same transaction as the change it describes.
 *
 * <p>Any module's event implements this; the audit module listens for it, so no module depends on the audit module.
 */
public interface AuditableEvent {

    /** Who caused it. */
    ActorRef actor();

    /** When it happened. */
    Instant at();

    /** What happened, as a dotted verb such as {@code incident.assigned}. */
    String action();

    /** The kind of object that changed or was read, such as {@code incident}. */
    String objectType();

    /** The id of the object that changed or was read. */
    String objectId();

    /** Digest of the object's state before the change; empty for a creation or a read. */
    Optional<String> beforeDigest();

    /** Digest of the object's state after the change; empty for a deletion. */
    Optional<String> afterDigest();
}
