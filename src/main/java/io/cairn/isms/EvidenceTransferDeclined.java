package io.cairn.isms;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** The receiver declined a proposed transfer of an evidence item, with a reason; custody did not move. */
public record EvidenceTransferDeclined(
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
    public static final String VERB = "transfer-declined";

    @Override
    public String verb() {
        return VERB;
    }
}
