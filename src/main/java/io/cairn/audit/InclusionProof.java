package io.cairn.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The proof that one record is in the trail's Merkle tree of a given size (RFC 6962 2.1.1), for an auditor who
 * checks it without the rest of the trail: recompute the record's hash from its content and previous hash, its leaf
 * hash ({@link AuditRecord#leafHash()}), and the root with {@link MerkleTree#verifyInclusion}; compare that root with
 * the signed checkpoint of the same size.
 *
 * @param record the record
 * @param leafIndex its place among the tree's leaves: its sequence number minus one
 * @param treeSize the size of the tree the proof is for
 * @param leafHash the record's leaf hash, base64
 * @param hashes the audit path, nearest the leaf first, base64
 * @param checkpoint the signed checkpoint of that size, when one was signed at exactly that size
 */
public record InclusionProof(
        AuditRecord record,
        long leafIndex,
        long treeSize,
        String leafHash,
        List<String> hashes,
        @Nullable String checkpoint) {

    public InclusionProof {
        hashes = List.copyOf(hashes);
    }
}
