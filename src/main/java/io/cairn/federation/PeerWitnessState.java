package io.cairn.federation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How this instance witnesses one peer's audit trail.
 *
 * @param witnessKey the peer's witness key (C2SP cosigner key text), pinned at the first round; its cosignatures of
 *     this instance's checkpoints are checked with it
 * @param logOrigin the name of the peer's log, as its checkpoints name it
 * @param checkedAt when the last round ran
 * @param cosignedSize the size of the newest checkpoint of the peer this instance cosigned
 * @param outcome what the last round found, in words
 * @param alarms checkpoints of the peer that contradicted one cosigned before (a fork or a rewrite), newest first
 */
public record PeerWitnessState(
        PeerId peer,
        String peerName,
        String witnessKey,
        String logOrigin,
        Instant pinnedAt,
        @Nullable Instant checkedAt,
        @Nullable Long cosignedSize,
        @Nullable String outcome,
        List<Alarm> alarms) {

    public PeerWitnessState {
        alarms = List.copyOf(alarms);
    }

    /** The same state with the alarms raised for the peer's log. */
    PeerWitnessState withAlarms(List<Alarm> raised) {
        return new PeerWitnessState(
                peer, peerName, witnessKey, logOrigin, pinnedAt, checkedAt, cosignedSize, outcome, raised);
    }

    /** A checkpoint that contradicted the peer's log as witnessed before. */
    public record Alarm(
            Instant detectedAt, String reason, @Nullable String offeredNote) {}
}
