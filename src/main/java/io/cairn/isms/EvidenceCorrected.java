package io.cairn.isms;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** A fact of an evidence item was corrected by a new entry that refers to the entry it corrects. */
public record EvidenceCorrected(
        EvidenceItemId item,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        String field,
        String previousHash,
        String entryHash)
        implements EvidenceEvent {

    /** The verb, as the audit trail writes it. */
    public static final String VERB = "corrected";

    @Override
    public String verb() {
        return VERB;
    }
}
