package io.cairn.trace;

import io.cairn.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a chain auditor's walk collected, from the hop it started at towards the origin: everything its check needs and
 * nothing secret (the provenance entries are kept opened; the auditor's key is not kept). Written by {@code trace
 * --out} as JSON and read back by the auditor's page.
 *
 * @param startUrl the hop the walk started at
 * @param incident that hop's incident
 * @param hops the hops walked, the start first; the last is the origin when the walk reached it
 * @param stoppedBecause why the walk could not go on, when it stopped before the origin
 */
record ChainTrail(
        String startUrl,
        UUID incident,
        Instant tracedAt,
        List<Hop> hops,
        @Nullable String stoppedBecause) {

    ChainTrail {
        hops = List.copyOf(hops);
    }

    /**
     * One hop of the walk.
     *
     * @param url its base URL
     * @param checkpointKey the key its trail checkpoints are signed with, as it states it
     * @param witnessKey the key it cosigns its peers' checkpoints with, as it states it
     * @param issued its records of issuing the message the hop before it received; null at the start
     * @param received its records of the message it received about the incident; null at the origin
     * @param message that message, its JWS as received
     * @param entry that message's provenance entry, opened with the auditor's key: the plaintext, base64
     * @param publisherKeys the key set the message's publisher serves, as JSON
     */
    record Hop(
            String url,
            @Nullable String checkpointKey,
            @Nullable String witnessKey,
            @Nullable Evidence issued,
            @Nullable Evidence received,
            @Nullable String message,
            @Nullable String entry,
            @Nullable String publisherKeys) {}

    /**
     * A hop's audit records of one message digest, with their proofs.
     *
     * @param sha256 the hex SHA-256 of the message's JWS
     * @param cosignedCheckpoint the newest checkpoint of the hop its peers cosigned, with their cosignatures
     */
    record Evidence(String sha256, @Nullable String cosignedCheckpoint, List<Rec> records) {

        Evidence {
            records = List.copyOf(records);
        }
    }

    /** One audit record as the hop answered it, with its audit path in the checkpoint's tree (none before one). */
    record Rec(AuditRecord record, @Nullable Proof proof) {}

    /** The audit path of a record in the tree of {@code treeSize} records, nearest the leaf first, base64. */
    record Proof(long leafIndex, long treeSize, List<String> hashes) {

        Proof {
            hashes = List.copyOf(hashes);
        }
    }
}
