package io.cairn.audit;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the audit trail's Merkle tree, at an interval when the trail grew and on demand, and keeps
 * this node's checkpoint log outside the database complete.
 *
 * <p>Appending a record costs the tree nothing: a checkpoint grows the tree from the records since the last one,
 * starting from the compact range stored with it, and stores the perfect subtrees of {@value #STORED_LEVEL_LEAVES}
 * leaves and more for proofs. Before it signs, it checks that the stored range still has the root of the last
 * checkpoint and that each new record chains to the one before and seals its content, so that it never signs a
 * tree inconsistent with one it signed before, nor one rewritten in the database.
 *
 * <p>On several nodes at once, one signs at a time: the tree's row is locked ({@code FOR UPDATE}, or
 * {@code SKIP LOCKED} by the scheduled run, which then leaves the work to the node that has it). The checkpoint is
 * stored in the database in that transaction; after the commit the signing node appends it to its own log, and every
 * other node copies it into its own log at its next run, after checking its signature.
 */
@Component
class Checkpoints {

    /** Subtrees of 2^8 = 256 leaves and more are stored. */
    static final int STORED_LEVEL = 8;

    static final int STORED_LEVEL_LEAVES = 1 << STORED_LEVEL;

    private static final Log log = LogFactory.getLog(Checkpoints.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final InstanceKey key;
    private final CheckpointLog checkpointLog;
    private final CheckpointPublisher publisher;
    private final Clock clock;

    Checkpoints(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            InstanceKey key,
            CheckpointLog checkpointLog,
            CheckpointPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.checkpointLog = checkpointLog;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A checkpoint as the database keeps it, with the time it was signed. */
    record Stored(Checkpoint checkpoint, Instant signedAt) {}

    private record StoredRow(String note, Instant signedAt) {}

    @EventListener(ApplicationReadyEvent.class)
    void copyMissedCheckpointsAtStart() {
        copyIntoLog();
    }

    /** Copies new checkpoints into this node's log, signs one when the trail grew, and sends them to the URL. */
    @Scheduled(
            fixedDelayString = "${cairn.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${cairn.audit.checkpoint-interval:PT5M}")
    void scheduled() {
        copyIntoLog();
        Outcome<Optional<Checkpoint>> signed = sign(false);
        if (signed instanceof Outcome.Refused<Optional<Checkpoint>> refused) {
            log.error("The audit trail's checkpoint was not signed: "
                    + refused.refusal().message());
        }
        publisher.publishPending();
    }

    /**
     * Signs a checkpoint of the whole trail if it grew since the last one; answers the latest checkpoint (empty when
     * the trail has none and nothing to sign). {@code wait}: wait for another node that is signing, rather than
     * leave it the work. Refused, and nothing signed, when the trail or the stored tree is not what the last
     * checkpoint says.
     */
    Outcome<Optional<Checkpoint>> sign(boolean wait) {
        Outcome<Optional<Checkpoint>> outcome = transactions.execute(status -> {
            Outcome<Optional<Checkpoint>> result = signInTransaction(wait);
            if (result instanceof Outcome.Refused<?>) {
                status.setRollbackOnly();
            }
            return result;
        });
        if (outcome instanceof Outcome.Done<Optional<Checkpoint>> done
                && done.value().isPresent()) {
            // with those other nodes signed since this node's last run, so that its log has every one, in order
            copyIntoLog();
        }
        return java.util.Objects.requireNonNull(outcome);
    }

    /** The newest checkpoint the database holds that this instance signed, with its signing time. */
    Optional<Stored> latest() {
        return jdbc.sql("select note, signed_at from audit_checkpoint order by size desc limit 1")
                .query((row, n) -> new StoredRow(
                        row.getString("note"), row.getTimestamp("signed_at").toInstant()))
                .optional()
                .flatMap(row ->
                        signedByThisInstance(row.note()).map(checkpoint -> new Stored(checkpoint, row.signedAt())));
    }

    /** Every checkpoint the database holds, smallest first, as signed notes (verification checks their signatures). */
    List<String> storedNotes() {
        return jdbc.sql("select note from audit_checkpoint order by size")
                .query(String.class)
                .list();
    }

    /** The stored checkpoint of exactly this size, if this instance signed one. */
    Optional<Checkpoint> ofSize(long size) {
        return jdbc.sql("select note from audit_checkpoint where size = ?")
                .param(size)
                .query(String.class)
                .optional()
                .flatMap(this::signedByThisInstance);
    }

    /** Appends every checkpoint of the database that this node's log lacks, after checking its signature. */
    void copyIntoLog() {
        long logged = checkpointLog.lastSize();
        List<String> newer = jdbc.sql("select note from audit_checkpoint where size > ? order by size")
                .param(logged)
                .query(String.class)
                .list();
        for (String note : newer) {
            Optional<Checkpoint> checkpoint = signedByThisInstance(note);
            if (checkpoint.isEmpty()) {
                log.error("A checkpoint in the database is not signed by this instance's key and was not copied into "
                        + checkpointLog.file() + ": " + note.lines().limit(2).toList());
                continue;
            }
            appendToLog(checkpoint.get());
        }
    }

    private Outcome<Optional<Checkpoint>> signInTransaction(boolean wait) {
        Optional<TreeState> locked = lockedTree(wait);
        Optional<String> latestNote = jdbc.sql("select note from audit_checkpoint order by size desc limit 1")
                .query(String.class)
                .optional();
        Optional<Checkpoint> latest = latestNote.flatMap(this::signedByThisInstance);
        if (locked.isEmpty()) {
            return Outcome.done(latest);
        }
        TreeState tree = locked.get();
        Optional<String> anchorProblem = anchorProblem(tree.range(), latestNote);
        if (anchorProblem.isPresent()) {
            return refused(anchorProblem.get());
        }
        long head = jdbc.sql("select seq from audit_head where id = 1")
                .query(Long.class)
                .single();
        if (head < tree.range().size()) {
            return refused("the trail ends at record " + head + " but its checkpoints already covered "
                    + tree.range().size() + " records: records were removed from its end");
        }
        if (head == tree.range().size()) {
            return Outcome.done(latest);
        }
        return growAndSign(tree, head);
    }

    /**
     * The tree as the last checkpoint left it, its row locked for this transaction; empty when another node holds
     * the lock and {@code wait} is false.
     */
    private Optional<TreeState> lockedTree(boolean wait) {
        return jdbc.sql("select size, frontier, last_hash from audit_tree where id = 1 for update"
                        + (wait ? "" : " skip locked"))
                .query((row, n) -> new TreeState(
                        CompactRange.decode(row.getLong("size"), row.getBytes("frontier")), row.getString("last_hash")))
                .optional();
    }

    /** Grows the tree up to {@code head} and signs its checkpoint; refused when a new record does not chain. */
    private Outcome<Optional<Checkpoint>> growAndSign(TreeState tree, long head) {
        List<long[]> nodePositions = new ArrayList<>();
        List<byte[]> nodeHashes = new ArrayList<>();
        Optional<String> chainProblem = grow(tree, head, (level, index, hash) -> {
            if (level >= STORED_LEVEL) {
                nodePositions.add(new long[] {level, index});
                nodeHashes.add(hash);
            }
        });
        if (chainProblem.isPresent()) {
            return refused(chainProblem.get());
        }
        return Outcome.done(Optional.of(signAndStore(tree, head, nodePositions, nodeHashes)));
    }

    /** Signs the grown tree's checkpoint and stores it with the tree's new nodes and state. */
    private Checkpoint signAndStore(TreeState tree, long head, List<long[]> nodePositions, List<byte[]> nodeHashes) {
        byte[] root = tree.range().root();
        Checkpoint checkpoint = Checkpoint.of(key.sign(Checkpoint.text(key.origin(), head, root)))
                .orElseThrow();
        for (int i = 0; i < nodeHashes.size(); i++) {
            jdbc.sql("""
                    insert into audit_tree_node (level, index, hash) values (?, ?, ?)
                    on conflict (level, index) do update set hash = excluded.hash""")
                    .params((int) nodePositions.get(i)[0], nodePositions.get(i)[1], nodeHashes.get(i))
                    .update();
        }
        jdbc.sql("insert into audit_checkpoint (size, root_hash, note, signed_at) values (?, ?, ?, ?)")
                .params(head, root, checkpoint.note(), Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("update audit_tree set size = ?, frontier = ?, last_hash = ? where id = 1")
                .params(head, tree.range().encoded(), tree.lastHash())
                .update();
        return checkpoint;
    }

    /**
     * Why the stored tree may not be grown and signed: its range is not the one of the last checkpoint, that
     * checkpoint is not this instance's, or this node's log outside the database already has a larger checkpoint
     * (the database lost checkpointed records, or was rolled back).
     */
    private Optional<String> anchorProblem(CompactRange range, Optional<String> latestNote) {
        long logged = checkpointLog.lastSize();
        if (logged > range.size()) {
            return Optional.of("this node's checkpoint log has a checkpoint of " + logged + " records, but the "
                    + "database's tree covers only " + range.size());
        }
        if (latestNote.isEmpty()) {
            return range.size() == 0
                    ? Optional.empty()
                    : Optional.of(
                            "the stored tree covers " + range.size() + " records, but no checkpoint of it is stored");
        }
        Optional<Checkpoint> latest = signedByThisInstance(latestNote.get());
        if (latest.isEmpty()) {
            return Optional.of("the newest checkpoint in the database is not signed by this instance's key");
        }
        Checkpoint checkpoint = latest.get();
        if (checkpoint.size() != range.size() || !Arrays.equals(checkpoint.root(), range.root())) {
            return Optional.of("the stored tree (" + range.size() + " records) is not the tree of the last "
                    + "checkpoint (" + checkpoint.size() + " records)");
        }
        return Optional.empty();
    }

    /** Adds the records after the tree's last one up to {@code head}; names the first that does not chain. */
    private Optional<String> grow(TreeState tree, long head, CompactRange.Completed completed) {
        try (Stream<AuditRecord> records = jdbc
                .sql("select * from audit_record where seq > ? and seq <= ? order by seq")
                .params(tree.range().size(), head)
                .withFetchSize(1000)
                .query((row, n) -> AuditRecord.of(row))
                .stream()) {
            Iterator<AuditRecord> iterator = records.iterator();
            for (long expected = tree.range().size() + 1; expected <= head; expected++) {
                if (!iterator.hasNext()) {
                    return Optional.of("record " + expected + " is missing");
                }
                AuditRecord record = iterator.next();
                if (record.seq() != expected) {
                    return Optional.of("record " + expected + " is missing");
                }
                if (!record.previousHash().equals(tree.lastHash())) {
                    return Optional.of("record " + expected + " does not chain to record " + (expected - 1));
                }
                if (!record.sealsItsContent()) {
                    return Optional.of("record " + expected + " was altered: its content does not match its hash");
                }
                tree.range().append(record.leafHash(), completed);
                tree.lastHash(record.hash());
            }
        }
        return Optional.empty();
    }

    private void appendToLog(Checkpoint checkpoint) {
        try {
            checkpointLog.append(checkpoint);
        } catch (RuntimeException e) {
            // the database holds it: the next run copies it into the log
            log.error(
                    "Could not append the checkpoint of " + checkpoint.size() + " records to " + checkpointLog.file(),
                    e);
        }
    }

    /** The checkpoint the note states, when it is one of this log signed by this instance's key. */
    Optional<Checkpoint> signedByThisInstance(String note) {
        return SignedNote.parse(note)
                .filter(signed -> key.verifierKey().check(signed) == VerifierKey.Check.SIGNED)
                .flatMap(Checkpoint::of)
                .filter(checkpoint -> checkpoint.origin().equals(key.origin()));
    }

    private static Outcome<Optional<Checkpoint>> refused(String why) {
        return Outcome.refused(Refusal.conflict(AuditRefusals.NOT_SIGNED, why));
    }

    /** The tree as the last checkpoint left it, grown in place while a new one is made. */
    private static final class TreeState {

        private final CompactRange range;
        private String lastHash;

        TreeState(CompactRange range, String lastHash) {
            this.range = range;
            this.lastHash = lastHash;
        }

        CompactRange range() {
            return range;
        }

        String lastHash() {
            return lastHash;
        }

        void lastHash(String hash) {
            lastHash = hash;
        }
    }
}
