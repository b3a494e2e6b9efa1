package io.cairn.isms;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** The receiver accepted a proposed transfer of an evidence item and holds it now. */
public record EvidenceTransferAccepted(
        EvidenceItemId item,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        UserId from,
        UserId to,
        java.util.UUID transfer,
        String previousHash,
        String entryHash)
        implements EvidenceEvent {

    /** The verb, as the audit trail writes it. */
    public static final String VERB = "transfer-accepted";

    @Override
    public String verb() {
        return VERB;
    }
}
