package io.cairn.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: the roots of the perfect subtrees that cover its leaves, largest first,
 * one for each bit set in the tree's size. Appending a leaf merges at most log2(size) of them, and the root of the
 * whole tree folds them together, so a tree grows without keeping or rereading its leaves.
 */
final class CompactRange {

    /** Told of each perfect subtree an append completes, with its level (log2 of its leaves) and its index there. */
    @FunctionalInterface
    interface Completed {
        void subtree(int level, long index, byte[] hash);
    }

    private final List<byte[]> roots;
    private long size;

    private CompactRange(long size, List<byte[]> roots) {
        if (Long.bitCount(size) != roots.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " perfect subtrees on its right edge, not " + roots.size());
        }
        this.size = size;
        this.roots = roots;
    }

    static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** The range as {@link #encoded()} wrote it, for a tree of {@code size} leaves. */
    static CompactRange decode(long size, byte[] encoded) {
        if (encoded.length % MerkleTree.HASH_SIZE != 0) {
            throw new IllegalArgumentException("a compact range is a list of 32-byte hashes");
        }
        List<byte[]> roots = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        while (buffer.hasRemaining()) {
            byte[] hash = new byte[MerkleTree.HASH_SIZE];
            buffer.get(hash);
            roots.add(hash);
        }
        return new CompactRange(size, roots);
    }

    long size() {
        return size;
    }

    /** Adds the next leaf; each perfect subtree this completes (of two leaves or more) is told to {@code completed}. */
    void append(byte[] leafHash, Completed completed) {
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        for (long bits = size; (bits & 1) == 1; bits >>= 1) {
            hash = MerkleTree.nodeHash(roots.remove(roots.size() - 1), hash);
            level++;
            index >>= 1;
            completed.subtree(level, index, hash);
        }
        roots.add(hash);
        size++;
    }

    /** Adds the next leaf. */
    void append(byte[] leafHash) {
        append(leafHash, (level, index, hash) -> {});
    }

    /** The Merkle tree hash of all leaves so far. */
    byte[] root() {
        if (roots.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(roots.get(i), root);
        }
        return root;
    }

    /** The subtree roots, largest first, one after the other. */
    byte[] encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(roots.size() * MerkleTree.HASH_SIZE);
        roots.forEach(buffer::put);
        return buffer.array();
    }
}
