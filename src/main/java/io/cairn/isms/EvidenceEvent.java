package io.cairn.isms;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.AuditableEvent;
import java.util.Optional;

/**
 * Something entered in the custody log of an evidence item. Each is one entry of the log and one record of the audit
 * trail: the record's before-digest is the hash of the entry before, its after-digest the hash of this entry, so that
 * the trail proves the log and the log's chain can be checked against the trail.
 */
public sealed interface EvidenceEvent extends AuditableEvent
        permits EvidenceCollected,
                EvidenceTransferProposed,
                EvidenceTransferAccepted,
                EvidenceTransferDeclined,
                EvidenceTransferWithdrawn,
                EvidenceCorrected,
                EvidenceIntegrityChecked {

    /** The item whose log it is in. */
    EvidenceItemId item();

    /** The incident the item is evidence of. */
    IncidentId incident();

    /** The hash of the entry before this one; 64 zeros for the first. */
    String previousHash();

    /** The hash of this entry, chained to the one before. */
    String entryHash();

    /** The verb, as the audit trail writes it after {@code evidence.}. */
    String verb();

    @Override
    default String action() {
        return "evidence." + verb();
    }

    @Override
    default String objectType() {
        return "evidence-item";
    }

    @Override
    default String objectId() {
        return item().toString();
    }

    @Override
    default Optional<String> beforeDigest() {
        return Optional.of(previousHash());
    }

    @Override
    default Optional<String> afterDigest() {
        return Optional.of(entryHash());
    }
}
