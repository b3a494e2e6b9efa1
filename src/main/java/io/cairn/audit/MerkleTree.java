package io.cairn.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hashing of RFC 6962 (section 2.1, as RFC 9162 restates it): leaf and node hashes, the root of a
 * list of leaves, inclusion and consistency proofs, and their verification.
 *
 * <p>The audit trail's leaves are its records' hashes (see {@link AuditRecord#leafHash()}); federation verifies a
 * peer's proofs with the same functions.
 */
public final class MerkleTree {

    /** The size of every hash in the tree, in bytes (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    /**
     * The hashes of the subtrees of one tree: {@code hash(from, to)} is the Merkle tree hash of the leaves from index
     * {@code from} up to, not including, {@code to}. Proofs ask only for ranges the RFC's recursion makes: a range
     * whose start is a multiple of the largest power of two not above its length.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(long from, long to);
    }

    /** SHA-256(0x00 || leaf): the hash of one leaf. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        return sha256.digest(leaf);
    }

    /** SHA-256(0x01 || left || right): the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root of a tree over these leaf hashes, computed from all of them. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return inMemory(leafHashes).hash(0, leafHashes.size());
    }

    /** The subtrees of a tree held in memory as its leaf hashes. */
    public static Subtrees inMemory(List<byte[]> leafHashes) {
        return new Subtrees() {
            @Override
            public byte[] hash(long from, long to) {
                if (to - from == 1) {
                    return leafHashes.get((int) from);
                }
                long split = from + largestPowerOfTwoBelow(to - from);
                return nodeHash(hash(from, split), hash(split, to));
            }
        };
    }

    /**
     * The audit path of the leaf at {@code index} in the tree of {@code size} leaves (RFC 6962 2.1.1), nearest the
     * leaf first.
     */
    public static List<byte[]> inclusionProof(long index, long size, Subtrees tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, tree, proof);
        return proof;
    }

    private static void path(long index, long from, long to, Subtrees tree, List<byte[]> proof) {
        long size = to - from;
        if (size == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (index < split) {
            path(index, from, from + split, tree, proof);
            proof.add(tree.hash(from + split, to));
        } else {
            path(index - split, from + split, to, tree, proof);
            proof.add(tree.hash(from, from + split));
        }
    }

    /**
     * The proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2} leaves (RFC 6962
     * 2.1.2); empty when either is empty or they are the same.
     */
    public static List<byte[]> consistencyProof(long size1, long size2, Subtrees tree) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("a tree of " + size1 + " is not a prefix of a tree of " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, tree, proof);
        }
        return proof;
    }

    private static void subproof(long size1, long from, long to, boolean whole, Subtrees tree, List<byte[]> proof) {
        long size = to - from;
        if (size1 == size) {
            if (!whole) {
                proof.add(tree.hash(from, to));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (size1 <= split) {
            subproof(size1, from, from + split, whole, tree, proof);
            proof.add(tree.hash(from + split, to));
        } else {
            subproof(size1 - split, from + split, to, false, tree, proof);
            proof.add(tree.hash(from, from + split));
        }
    }

    /** True when the proof shows the leaf hash at {@code index} in the tree of {@code size} with this root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof) || leafHash.length != HASH_SIZE) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** True when the proof shows the tree of {@code size1} with {@code root1} a prefix of the other (RFC 9162). */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size1 > size2 || !wellFormed(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        return consistencyPathLeadsTo(size1, size2, path, root1, root2);
    }

    /** RFC 9162's walk of a consistency proof (the older root first), ending at both roots. */
    private static boolean consistencyPathLeadsTo(
            long size1, long size2, List<byte[]> path, byte[] root1, byte[] root2) {
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    /** The largest power of two smaller than {@code n} (n > 1): where RFC 6962 splits a tree of n leaves. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof.size() <= 64 && proof.stream().allMatch(hash -> hash.length == HASH_SIZE);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
