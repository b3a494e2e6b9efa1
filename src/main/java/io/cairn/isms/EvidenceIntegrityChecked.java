package io.cairn.isms;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;

/** Cairn recomputed the SHA-256 of an evidence item it holds, and it matched the recorded one or not. */
public record EvidenceIntegrityChecked(
        EvidenceItemId item,
        IncidentId incident,
        ActorRef actor,
        Instant at,
        boolean matched,
        String previousHash,
        String entryHash)
        implements EvidenceEvent {

    /** The verb, as the audit trail writes it. */
    public static final String VERB = "integrity-checked";

    @Override
    public String verb() {
        return VERB;
    }
}
