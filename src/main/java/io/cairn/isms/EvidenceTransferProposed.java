package io.cairn.isms;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/**
 * The custodian of an evidence item proposed to hand it over; the receiver is to accept or decline it.
 *
 * @param label how people name the item: its incident's reference and its number ({@code INC-12 E3}), no contents
 */
public record EvidenceTransferProposed(
        EvidenceItemId item,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        UserId from,
        UserId to,
        java.util.UUID transfer,
        String label,
        String previousHash,
        String entryHash)
        implements EvidenceEvent {

    /** The verb, as the audit trail writes it. */
    public static final String VERB = "transfer-proposed";

    @Override
    public String verb() {
        return VERB;
    }
}
