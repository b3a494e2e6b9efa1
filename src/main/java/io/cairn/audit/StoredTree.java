package io.cairn.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail's Merkle tree as the database holds it, for proofs: a perfect subtree of
 * {@value Checkpoints#STORED_LEVEL_LEAVES} leaves or more is read from the nodes stored when it was checkpointed,
 * anything smaller is hashed from the record hashes of its block of {@value Checkpoints#STORED_LEVEL_LEAVES}
 * records. A proof for a size up to the latest checkpoint reads about log2(size) nodes and at most two blocks.
 */
final class StoredTree implements MerkleTree.Subtrees {

    private static final int BLOCK = Checkpoints.STORED_LEVEL_LEAVES;

    private final JdbcClient jdbc;
    private final Map<Long, List<byte[]>> blocks = new HashMap<>();

    StoredTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] hash(long from, long to) {
        long size = to - from;
        if (size >= BLOCK && Long.bitCount(size) == 1 && from % size == 0) {
            Optional<byte[]> stored = jdbc.sql("select hash from audit_tree_node where level = ? and index = ?")
                    .params(Long.numberOfTrailingZeros(size), from / size)
                    .query(byte[].class)
                    .optional();
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        long block = from / BLOCK;
        if (size <= BLOCK && (to - 1) / BLOCK == block) {
            List<byte[]> leaves = leavesOf(block);
            long start = block * BLOCK;
            if (leaves.size() < to - start) {
                throw new MissingRecords(start + leaves.size() + 1);
            }
            return MerkleTree.inMemory(leaves).hash(from - start, to - start);
        }
        long split = from + MerkleTree.largestPowerOfTwoBelow(size);
        return MerkleTree.nodeHash(hash(from, split), hash(split, to));
    }

    /** The leaf hashes of the records of one block (leaf i is record i + 1), as far as the trail has them. */
    private List<byte[]> leavesOf(long block) {
        return blocks.computeIfAbsent(
                block,
                b -> jdbc.sql("""
                        select seq, hash from audit_record where seq > ? and seq <= ? order by seq""")
                        .params(b * BLOCK, (b + 1) * BLOCK)
                        .query((row, n) -> {
                            if (row.getLong("seq") != b * BLOCK + n + 1) {
                                throw new MissingRecords(b * BLOCK + n + 1);
                            }
                            return MerkleTree.leafHash(AuditRecord.hashBytes(row.getString("hash")));
                        })
                        .list());
    }

    /** A record a proof needs is not in the trail: removed, so the trail no longer has the checkpointed tree. */
    static final class MissingRecords extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingRecords(long seq) {
            super("record " + seq + " is missing", null, false, false);
        }
    }
}
