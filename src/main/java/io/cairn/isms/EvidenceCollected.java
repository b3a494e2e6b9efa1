package io.cairn.isms;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** An evidence item was collected and entered, with its SHA-256; the collector is its first custodian. */
public record EvidenceCollected(
        EvidenceItemId item,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        UserId collector,
        String sha256,
        String previousHash,
        String entryHash)
        implements EvidenceEvent {

    /** The verb, as the audit trail writes it. */
    public static final String VERB = "collected";

    @Override
    public String verb() {
        return VERB;
    }
}
