package io.cairn.audit;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inclusion and consistency proofs of the trail's Merkle tree, up to the latest checkpoint, read from the stored
 * subtrees. Access is checked by the callers: auditors through {@link AuditManagement}, peers (consistency proofs
 * only: hashes, no record) through the witnessing interface.
 */
@Component
class TrailProofs {

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    TrailProofs(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /**
     * The proof that record {@code seq} is in the tree of {@code size} records (auditors only); {@code size} is the
     * latest checkpoint's when absent, and at most that, so that a proof reads stored subtrees, not the whole trail.
     */
    @Transactional(readOnly = true)
    public Outcome<InclusionProof> inclusion(long seq, @Nullable Long size) {
        return checkpointedSize().flatMap(latest -> {
            long treeSize = size == null ? latest : size;
            if (treeSize < 1 || treeSize > latest) {
                return Outcome.refused(Refusal.invalid("size", AuditRefusals.SIZE_OUT_OF_RANGE, latest));
            }
            if (seq < 1 || seq > treeSize) {
                return Outcome.refused(Refusal.invalid("seq", AuditRefusals.SEQ_OUT_OF_RANGE, treeSize));
            }
            AuditRecord record = jdbc.sql("select * from audit_record where seq = ?")
                    .param(seq)
                    .query((row, n) -> AuditRecord.of(row))
                    .optional()
                    .orElse(null);
            if (record == null) {
                return Outcome.refused(Refusal.conflict("seq", AuditRefusals.RECORD_MISSING, seq));
            }
            Optional<List<byte[]>> proof =
                    proof(() -> MerkleTree.inclusionProof(seq - 1, treeSize, new StoredTree(jdbc)));
            if (proof.isEmpty()) {
                return missingRecords();
            }
            return Outcome.done(new InclusionProof(
                    record,
                    seq - 1,
                    treeSize,
                    base64(record.leafHash()),
                    proof.get().stream().map(TrailProofs::base64).toList(),
                    checkpoints.ofSize(treeSize).map(Checkpoint::note).orElse(null)));
        });
    }

    /**
     * The proof that the tree of {@code size1} records is a prefix of the tree of {@code size2} records (auditors
     * only); {@code size2} is the latest checkpoint's when absent, and at most that.
     */
    @Transactional(readOnly = true)
    public Outcome<ConsistencyProof> consistency(long size1, @Nullable Long size2) {
        return checkpointedSize().flatMap(latest -> {
            long to = size2 == null ? latest : size2;
            if (to < 0 || to > latest) {
                return Outcome.refused(Refusal.invalid("to", AuditRefusals.TO_OUT_OF_RANGE, latest));
            }
            if (size1 < 0 || size1 > to) {
                return Outcome.refused(Refusal.invalid("from", SharedRefusals.OUT_OF_RANGE, "0", to));
            }
            Optional<List<byte[]>> proof = proof(() -> MerkleTree.consistencyProof(size1, to, new StoredTree(jdbc)));
            if (proof.isEmpty()) {
                return missingRecords();
            }
            return Outcome.done(new ConsistencyProof(
                    size1,
                    to,
                    proof.get().stream().map(TrailProofs::base64).toList(),
                    checkpoints.ofSize(size1).map(Checkpoint::note).orElse(null),
                    checkpoints.ofSize(to).map(Checkpoint::note).orElse(null)));
        });
    }

    /** The proof; empty when a record it needs was removed from the trail. */
    private static Optional<List<byte[]>> proof(Supplier<List<byte[]>> proof) {
        try {
            return Optional.of(proof.get());
        } catch (StoredTree.MissingRecords missing) {
            return Optional.empty();
        }
    }

    private static <T> Outcome<T> missingRecords() {
        return Outcome.refused(Refusal.conflict(AuditRefusals.PROOF_RECORDS_MISSING));
    }

    private Outcome<Long> checkpointedSize() {
        return checkpoints
                .latest()
                .<Outcome<Long>>map(stored -> Outcome.done(stored.checkpoint().size()))
                .orElseGet(() -> Outcome.refused(Refusal.conflict(AuditRefusals.NO_CHECKPOINT_YET)));
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
