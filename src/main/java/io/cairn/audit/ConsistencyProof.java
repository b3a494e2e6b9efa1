package io.cairn.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The proof that the trail's tree of {@code size1} records is a prefix of its tree of {@code size2} records (RFC 6962
 * 2.1.2): nothing before {@code size1} was changed since. Checked with {@link MerkleTree#verifyConsistency} against
 * the two checkpoints' root hashes; a witness cosigns a checkpoint only after such a check.
 *
 * @param size1 the smaller tree's size
 * @param size2 the larger tree's size
 * @param hashes the proof, base64, in the order of RFC 6962's SUBPROOF
 * @param checkpoint1 the signed checkpoint of {@code size1}, when one was signed at exactly that size
 * @param checkpoint2 the signed checkpoint of {@code size2}, when one was signed at exactly that size
 */
public record ConsistencyProof(
        long size1,
        long size2,
        List<String> hashes,
        @Nullable String checkpoint1,
        @Nullable String checkpoint2) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }
}
