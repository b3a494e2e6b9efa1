package io.cairn.audit.witnessing;

import io.cairn.audit.AuditRecord;
import io.cairn.audit.ConsistencyProof;
import io.cairn.audit.CosignerKey;
import io.cairn.audit.InclusionProof;
import io.cairn.audit.VerifierKey;
import io.cairn.shared.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * This instance's audit trail as its peers see it, and this instance as a witness of theirs. A peer's checkpoint is
 * cosigned only when it is signed by the log's key pinned at the first one, and consistent with the last one
 * cosigned; one that is not is refused and kept as an alarm (a fork or a rewrite of the peer's trail).
 */
public interface TrailWitnessing {

    /** The key this instance's checkpoints are signed with. */
    VerifierKey checkpointKey();

    /** The key this instance cosigns its peers' checkpoints with. */
    CosignerKey witnessKey();

    /**
     * This instance's newest checkpoint, as a signed note with its own signature only (the cosignatures name the
     * peers that made them, which one peer may not learn of another); empty before the first.
     */
    Optional<String> latestCheckpoint();

    /** This instance's newest checkpoint with the cosignatures peers made of it, for auditors; empty before one. */
    Optional<String> latestCosignedCheckpoint();

    /** The proof that this instance's tree of {@code from} records is a prefix of its tree of {@code to}. */
    Outcome<ConsistencyProof> consistencyProof(long from, long to);

    /**
     * The records of this instance's trail whose after-digest is this hex SHA-256 (the receipt or the issue of one
     * exchange message), for a chain auditor the caller has authenticated: each record with the proof that it is in
     * the tree of the newest checkpoint peers cosigned, and that checkpoint with their cosignatures. A record newer
     * than that checkpoint is listed without a proof until one covers it.
     */
    RecordsOfDigest recordsOfDigest(String sha256);

    /**
     * The records of one digest and their proofs.
     *
     * @param cosignedCheckpoint the newest checkpoint at least one peer cosigned, with every cosignature of it; null
     *     before the first
     * @param proven the records that checkpoint covers, each with its inclusion proof against it
     * @param unproven the records newer than that checkpoint
     */
    record RecordsOfDigest(
            @Nullable String cosignedCheckpoint, List<InclusionProof> proven, List<AuditRecord> unproven) {

        public RecordsOfDigest {
            proven = List.copyOf(proven);
            unproven = List.copyOf(unproven);
        }
    }

    /** The size of the newest checkpoint of a peer's log this instance cosigned, by the log's origin. */
    OptionalLong witnessedSize(String origin);

    /**
     * Checks a peer's checkpoint and cosigns it: signed by the log's key, of the log that key names, and consistent
     * with the last checkpoint cosigned (by the proof from that size, base64 hashes; none for the first).
     *
     * @return the checkpoint's note with this witness's cosignature added
     */
    Outcome<String> cosign(VerifierKey logKey, String checkpointNote, List<String> proof);

    /** Keeps a peer's cosignature of one of this instance's checkpoints, after checking it with the peer's key. */
    Outcome<Instant> keepCosignature(CosignerKey witness, String cosignedNote);

    /** The logs this instance witnesses, and the alarms it raised. */
    List<WitnessedLog> witnessedLogs();

    /**
     * A peer's log as this instance witnessed it.
     *
     * @param origin the log's name
     * @param size the size of the newest checkpoint cosigned
     * @param cosignedAt when it was cosigned
     * @param alarms refused checkpoints that were not consistent with one cosigned before, newest first
     */
    record WitnessedLog(String origin, long size, Instant cosignedAt, List<Alarm> alarms) {

        public WitnessedLog {
            alarms = List.copyOf(alarms);
        }
    }

    /**
     * A checkpoint that contradicts the log as witnessed before.
     *
     * @param reason what does not hold
     * @param offeredNote the checkpoint offered, as it came
     */
    record Alarm(
            Instant detectedAt, String reason, @Nullable String offeredNote) {}
}
