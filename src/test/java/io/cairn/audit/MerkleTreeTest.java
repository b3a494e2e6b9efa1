package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The tree hashes, proofs and their verification agree with RFC 6962's reference vectors (as the Certificate
 * Transparency and transparency-dev implementations publish them), and hold for random trees.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The reference leaves; the roots of the trees over the first 0 to 8 of them. */
    private static final List<byte[]> LEAVES =
            hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> referenceLeafHashes() {
        return LEAVES.stream().map(MerkleTree::leafHash).toList();
    }

    @Test
    void rootsMatchTheReferenceTreesOfEverySize() {
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(HEX.formatHex(MerkleTree.root(referenceLeafHashes().subList(0, size))))
                    .as("root of %d leaves", size)
                    .isEqualTo(HEX.formatHex(ROOTS.get(size)));
        }
    }

    @Test
    void aCompactRangeGivesTheSameRootsAsTheWholeTree() {
        CompactRange range = CompactRange.empty();
        assertThat(range.root()).isEqualTo(ROOTS.get(0));
        for (int size = 1; size <= LEAVES.size(); size++) {
            range.append(referenceLeafHashes().get(size - 1));
            assertThat(range.root()).as("root of %d leaves", size).isEqualTo(ROOTS.get(size));
            CompactRange decoded = CompactRange.decode(range.size(), range.encoded());
            assertThat(decoded.root()).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsAreTheReferenceProofs() {
        MerkleTree.Subtrees tree = MerkleTree.inMemory(referenceLeafHashes());
        assertProof(
                MerkleTree.inclusionProof(0, 8, tree),
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(
                MerkleTree.inclusionProof(5, 8, tree),
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(
                MerkleTree.inclusionProof(2, 3, tree),
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertProof(
                MerkleTree.inclusionProof(1, 5, tree),
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertProof(MerkleTree.inclusionProof(0, 1, tree));
    }

    @Test
    void consistencyProofsAreTheReferenceProofs() {
        MerkleTree.Subtrees tree = MerkleTree.inMemory(referenceLeafHashes());
        assertProof(
                MerkleTree.consistencyProof(1, 8, tree),
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(
                MerkleTree.consistencyProof(6, 8, tree),
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(
                MerkleTree.consistencyProof(2, 5, tree),
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertProof(
                MerkleTree.consistencyProof(6, 7, tree),
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(MerkleTree.consistencyProof(1, 1, tree));
    }

    @Test
    void referenceProofsVerifyAndEveryCorruptionOfThemFails() {
        List<byte[]> leaves = referenceLeafHashes();
        MerkleTree.Subtrees tree = MerkleTree.inMemory(leaves);
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(index, size, tree);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, ROOTS.get(size)))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                assertInclusionCorruptionsFail(index, size, leaves.get(index), proof, ROOTS.get(size));
            }
            for (int size1 = 1; size1 < size; size1++) {
                List<byte[]> proof = MerkleTree.consistencyProof(size1, size, tree);
                assertThat(MerkleTree.verifyConsistency(size1, size, ROOTS.get(size1), ROOTS.get(size), proof))
                        .as("%d to %d", size1, size)
                        .isTrue();
                assertConsistencyCorruptionsFail(size1, size, ROOTS.get(size1), ROOTS.get(size), proof);
            }
        }
    }

    @Test
    void trivialConsistencyNeedsAnEmptyProof() {
        byte[] root = ROOTS.get(3);
        assertThat(MerkleTree.verifyConsistency(0, 0, root, root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, ROOTS.get(0), ROOTS.get(5), List.of()))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(3, 3, root, root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(3, 3, root, ROOTS.get(4), List.of()))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 3, root, root, List.of(root)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(4, 3, root, root, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 2, ROOTS.get(1), ROOTS.get(2), List.of()))
                .isFalse();
    }

    /**
     * A property over random trees: every leaf's inclusion proof and every pair of sizes' consistency proof verifies,
     * and a compact range grown leaf by leaf has the root of the whole tree. The seed is printed, and
     * {@code -Dcairn.merkle.seed=...} replays a run.
     */
    @Test
    void proofsOfRandomTreesVerify() {
        long seed = Long.getLong("cairn.merkle.seed", System.nanoTime());
        System.out.println("MerkleTreeTest.proofsOfRandomTreesVerify seed: " + seed + " (-Dcairn.merkle.seed=" + seed
                + " replays it)");
        Random random = new Random(seed);
        for (int run = 0; run < 40; run++) {
            int size = 1 + random.nextInt(run < 30 ? 70 : 1100);
            List<byte[]> leaves = new ArrayList<>();
            CompactRange range = CompactRange.empty();
            List<byte[]> roots = new ArrayList<>(List.of(MerkleTree.emptyRoot()));
            for (int i = 0; i < size; i++) {
                byte[] leaf = new byte[1 + random.nextInt(40)];
                random.nextBytes(leaf);
                leaves.add(MerkleTree.leafHash(leaf));
                range.append(leaves.get(i));
                roots.add(range.root());
            }
            MerkleTree.Subtrees tree = MerkleTree.inMemory(leaves);
            assertThat(range.root()).as("seed %d, size %d", seed, size).isEqualTo(MerkleTree.root(leaves));
            for (int probe = 0; probe < 20; probe++) {
                int index = random.nextInt(size);
                int treeSize = index + 1 + random.nextInt(size - index);
                List<byte[]> proof = MerkleTree.inclusionProof(index, treeSize, tree);
                assertThat(MerkleTree.verifyInclusion(index, treeSize, leaves.get(index), proof, roots.get(treeSize)))
                        .as("seed %d: leaf %d of %d", seed, index, treeSize)
                        .isTrue();
                byte[] stranger = MerkleTree.leafHash(("not in the tree " + probe).getBytes());
                assertThat(MerkleTree.verifyInclusion(index, treeSize, stranger, proof, roots.get(treeSize)))
                        .as("seed %d: a leaf not in the tree", seed)
                        .isFalse();
                int size1 = 1 + random.nextInt(treeSize);
                List<byte[]> consistency = MerkleTree.consistencyProof(size1, treeSize, tree);
                assertThat(MerkleTree.verifyConsistency(
                                size1, treeSize, roots.get(size1), roots.get(treeSize), consistency))
                        .as("seed %d: %d to %d", seed, size1, treeSize)
                        .isTrue();
                if (size1 < treeSize) {
                    assertThat(MerkleTree.verifyConsistency(
                                    size1, treeSize, roots.get(treeSize), roots.get(size1), consistency))
                            .as("seed %d: swapped roots", seed)
                            .isFalse();
                }
            }
        }
    }

    private static void assertInclusionCorruptionsFail(
            long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        byte[] other = MerkleTree.leafHash(new byte[] {42});
        assertThat(MerkleTree.verifyInclusion(index - 1, size, leaf, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(index + 1, size, leaf, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size * 2, leaf, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, other, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, ROOTS.get(0)))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, leaf, plus(proof, root), root))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            int at = i;
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, changed(proof, at, MerkleTreeTest::flipBit), root))
                    .isFalse();
        }
        if (!proof.isEmpty()) {
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                    .isFalse();
        }
    }

    private static void assertConsistencyCorruptionsFail(
            long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        assertThat(MerkleTree.verifyConsistency(size1 - 1, size2, root1, root2, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1 + 1, size2, root1, root2, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2 * 2, root1, root2, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root2, root1, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, List.of()))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, root1, root2, plus(proof, root1)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            assertThat(MerkleTree.verifyConsistency(
                            size1, size2, root1, root2, changed(proof, i, MerkleTreeTest::flipBit)))
                    .isFalse();
        }
    }

    private static List<byte[]> plus(List<byte[]> proof, byte[] hash) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(hash);
        return longer;
    }

    private static List<byte[]> changed(List<byte[]> proof, int at, UnaryOperator<byte[]> change) {
        List<byte[]> changed = new ArrayList<>(proof);
        changed.set(at, change.apply(proof.get(at)));
        return changed;
    }

    private static byte[] flipBit(byte[] hash) {
        byte[] flipped = hash.clone();
        flipped[0] ^= 16;
        return flipped;
    }

    private static void assertProof(List<byte[]> proof, String... expected) {
        assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(expected);
    }

    private static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
    }
}
