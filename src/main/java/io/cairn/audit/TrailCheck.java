package io.cairn.audit;

import io.cairn.audit.Verification.Problem;
import io.cairn.audit.Verification.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One pass over the records, oldest first, that checks each record's chain and content and grows the trail's Merkle
 * tree, comparing it with every signed checkpoint when it reaches the checkpoint's size.
 *
 * <p>A checkpoint whose root the records no longer have names a rewrite; a checkpoint larger than the trail names a
 * truncation. Where the rewrite lies is narrowed down by the checkpoints that still match and, when the database
 * still holds them, by the hashes of the {@value Checkpoints#STORED_LEVEL_LEAVES}-record blocks stored at signing.
 */
final class TrailCheck {

    private static final int BLOCK = Checkpoints.STORED_LEVEL_LEAVES;

    private final NavigableMap<Long, List<byte[]>> checkpointRoots = new TreeMap<>();
    private final Map<Long, byte[]> storedBlocks;
    private final List<Problem> problems = new ArrayList<>();
    private final CompactRange tree = CompactRange.empty();

    private long checked;
    private long lastSeq;
    private String previousHash = AuditRecord.GENESIS;
    private boolean treeWhole = true;
    private long lastMatched;
    private long firstDifferingBlock = -1;
    private boolean rewriteNamed;
    private long checkpointsCompared;

    /**
     * @param storedBlocks the hashes of the blocks of {@value Checkpoints#STORED_LEVEL_LEAVES} records stored when
     *     they were checkpointed, by block index
     */
    TrailCheck(Map<Long, byte[]> storedBlocks) {
        this.storedBlocks = storedBlocks;
    }

    /** A signed checkpoint the tree must match: the root of its first {@code size} records. */
    void expect(long size, byte[] root) {
        List<byte[]> roots = checkpointRoots.computeIfAbsent(size, s -> new ArrayList<>());
        if (roots.stream().noneMatch(known -> Arrays.equals(known, root))) {
            roots.add(root);
        }
    }

    /** Checks the next record. */
    void record(AuditRecord record) {
        checked++;
        long expected = lastSeq + 1;
        boolean gap = record.seq() != expected;
        if (gap) {
            treeWhole = false;
            problems.add(
                    record.seq() == expected + 1
                            ? Problem.of(expected, Text.MISSING_ONE, null, expected)
                            : Problem.of(expected, Text.MISSING_RANGE, null, expected, record.seq() - 1));
        }
        if (!gap && !record.previousHash().equals(previousHash)) {
            problems.add(Problem.of(record.seq(), Text.OUT_OF_ORDER, null, record.seq(), record.seq() - 1));
        }
        if (!record.sealsItsContent()) {
            problems.add(Problem.of(record.seq(), Text.ALTERED, null, record.seq()));
        }
        previousHash = record.hash();
        lastSeq = record.seq();
        if (treeWhole) {
            tree.append(record.leafHash(), this::compareBlock);
            compareWithCheckpoint(tree.size());
        }
    }

    /** Checks the end of the trail against its head and the largest checkpoint; answers every problem found. */
    List<Problem> finish(long headSeq) {
        if (headSeq > lastSeq) {
            problems.add(Problem.of(lastSeq + 1, Text.MISSING_END, null, lastSeq + 1, headSeq));
        }
        if (!checkpointRoots.isEmpty() && checkpointRoots.lastKey() > lastSeq) {
            long signed = checkpointRoots.lastKey();
            problems.add(Problem.of(lastSeq + 1, Text.TRUNCATED, null, lastSeq, signed, lastSeq + 1));
        }
        return problems;
    }

    long checked() {
        return checked;
    }

    /** How many checkpoint sizes the tree was compared with. */
    long checkpointsCompared() {
        return checkpointsCompared;
    }

    private void compareBlock(int level, long index, byte[] hash) {
        if (level != Checkpoints.STORED_LEVEL || firstDifferingBlock >= 0) {
            return;
        }
        byte[] stored = storedBlocks.get(index);
        if (stored != null && !Arrays.equals(stored, hash)) {
            firstDifferingBlock = index;
        }
    }

    private void compareWithCheckpoint(long size) {
        List<byte[]> roots = checkpointRoots.get(size);
        if (roots == null || rewriteNamed) {
            return;
        }
        checkpointsCompared++;
        byte[] root = tree.root();
        if (roots.stream().allMatch(signed -> Arrays.equals(signed, root))) {
            lastMatched = size;
            if (firstDifferingBlock >= 0 && (firstDifferingBlock + 1) * BLOCK <= size) {
                firstDifferingBlock = -1; // the stored block was wrong, not the records
            }
            return;
        }
        rewriteNamed = true;
        if (firstDifferingBlock >= 0) {
            long from = firstDifferingBlock * BLOCK + 1;
            problems.add(Problem.of(from, Text.REWRITTEN_BLOCK, null, size, from, from + BLOCK - 1));
        } else {
            problems.add(Problem.of(lastMatched + 1, Text.REWRITTEN, null, size, lastMatched + 1));
        }
    }
}
