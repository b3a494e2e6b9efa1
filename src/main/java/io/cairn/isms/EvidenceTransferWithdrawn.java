package io.cairn.isms;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** The custodian withdrew a transfer they proposed, with a reason, before the receiver signed it off; custody did not move. */
public record EvidenceTransferWithdrawn(
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
    public static final String VERB = "transfer-withdrawn";

    @Override
    public String verb() {
        return VERB;
    }
}
