package io.cairn.audit;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.AuditedStates;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module's entry point: auditors page through, export and verify the trail, read its signed checkpoints
 * and the key that signs them, and ask for inclusion and consistency proofs; auditors and admins have a checkpoint
 * signed now.
 */
@Service
public class AuditManagement {

    /** Verification lists at most this many problems; the first is what matters most. */
    static final int MAX_PROBLEMS = 100;

    /** The most checkpoints one page of {@link #checkpoints} holds. */
    static final int MAX_CHECKPOINTS = 1000;

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final Checkpoints checkpoints;
    private final CheckpointLog checkpointLog;
    private final InstanceKey key;
    private final ObjectProvider<AuditedStates> auditedStates;
    private final TransactionTemplate snapshot;
    private final TrailProofs proofs;
    private final Witnessing witnessing;

    AuditManagement(
            JdbcClient jdbc,
            IdentityManagement identity,
            Checkpoints checkpoints,
            CheckpointLog checkpointLog,
            InstanceKey key,
            ObjectProvider<AuditedStates> auditedStates,
            PlatformTransactionManager transactions,
            TrailProofs proofs,
            Witnessing witnessing) {
        this.proofs = proofs;
        this.witnessing = witnessing;
        this.jdbc = jdbc;
        this.identity = identity;
        this.checkpoints = checkpoints;
        this.checkpointLog = checkpointLog;
        this.key = key;
        this.auditedStates = auditedStates;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Records after the given sequence number, oldest first (auditors only). */
    @Transactional(readOnly = true)
    public Outcome<List<AuditRecord>> records(long afterSeq, int limit, @Nullable String objectId) {
        return asAuditor(() -> limit < 1 || limit > 1000
                ? Outcome.refused(Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, "1", "1000"))
                : Outcome.done(page("seq > ?", "seq", afterSeq, limit, objectId)));
    }

    /**
     * The newest records before the given sequence number (all, when absent), newest first (auditors only); for
     * reading the trail backwards from now.
     */
    @Transactional(readOnly = true)
    public Outcome<List<AuditRecord>> latest(@Nullable Long beforeSeq, int limit, @Nullable String objectId) {
        return asAuditor(() -> limit < 1 || limit > 1000
                ? Outcome.refused(Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, "1", "1000"))
                : Outcome.done(
                        page("seq < ?", "seq desc", beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit, objectId)));
    }

    private List<AuditRecord> page(String from, String order, long seq, int limit, @Nullable String objectId) {
        String sql = "select * from audit_record where " + from + (objectId == null ? "" : " and object_id = ?")
                + " order by " + order + " limit ?";
        List<Object> parameters = new ArrayList<>(List.of(seq));
        if (objectId != null) {
            parameters.add(objectId);
        }
        parameters.add(limit);
        return jdbc.sql(sql)
                .params(parameters)
                .query((row, n) -> AuditRecord.of(row))
                .list();
    }

    /** Streams the whole trail, oldest first, to the consumer (auditors only). */
    @Transactional(readOnly = true)
    public Outcome<Long> export(Consumer<AuditRecord> sink) {
        return asAuditor(() -> {
            long[] count = {0};
            try (Stream<AuditRecord> records = allRecords()) {
                records.forEach(record -> {
                    sink.accept(record);
                    count[0]++;
                });
            }
            return Outcome.done(count[0]);
        });
    }

    /**
     * Checks every record (present, chained to the one before, content unaltered), the Merkle tree over them
     * against every signed checkpoint in this node's checkpoint log and in the database, and every audited object's
     * stored state against its latest record (auditors only).
     */
    public Outcome<Verification> verify() {
        return asAuditor(() -> {
            // Read before the database snapshot: every checkpoint in the log then covers records the snapshot holds.
            List<CheckpointLog.Entry> logged = checkpointLog.entries();
            return Outcome.done(java.util.Objects.requireNonNull(snapshot.execute(status -> verify(logged))));
        });
    }

    private Verification verify(List<CheckpointLog.Entry> logged) {
        TrailCheck trail = new TrailCheck(storedBlocks());
        List<Verification.Problem> checkpointProblems = new ArrayList<>(expectLoggedCheckpoints(logged, trail));
        checkpointProblems.addAll(expectStoredCheckpoints(trail));
        try (Stream<AuditRecord> records = allRecords()) {
            records.forEach(trail::record);
        }
        long headSeq = jdbc.sql("select seq from audit_head where id = 1")
                .query(Long.class)
                .single();
        List<Verification.Problem> problems = new ArrayList<>(trail.finish(headSeq));
        problems.addAll(checkpointProblems);
        long objects = compareStates(problems);
        List<Verification.Problem> listed =
                problems.stream().limit(MAX_PROBLEMS).toList();
        return new Verification(
                problems.isEmpty(),
                trail.checked(),
                listed.isEmpty() ? null : listed.get(0),
                listed,
                trail.checkpointsCompared(),
                objects);
    }

    /**
     * Has the trail check expect the tree of every checkpoint in this node's log that this instance signed; answers
     * the entries that are not such a checkpoint.
     */
    private List<Verification.Problem> expectLoggedCheckpoints(List<CheckpointLog.Entry> logged, TrailCheck trail) {
        List<Verification.Problem> problems = new ArrayList<>();
        for (CheckpointLog.Entry entry : logged) {
            Optional<Checkpoint> checkpoint =
                    entry.checkpoint().flatMap(c -> checkpoints.signedByThisInstance(c.note()));
            checkpoint.ifPresent(c -> trail.expect(c.size(), c.root()));
            if (checkpoint.isEmpty()) {
                problems.add(
                        entry.checkpoint().isEmpty()
                                ? Verification.Problem.of(
                                        0, Verification.Text.CHECKPOINT_MALFORMED, null, entry.number())
                                : Verification.Problem.of(
                                        0,
                                        Verification.Text.CHECKPOINT_FORGED,
                                        null,
                                        entry.number(),
                                        entry.checkpoint().get().size()));
            }
        }
        return problems;
    }

    /**
     * Has the trail check expect the tree of every checkpoint in the database that this instance signed; answers the
     * stored notes that are not such a checkpoint.
     */
    private List<Verification.Problem> expectStoredCheckpoints(TrailCheck trail) {
        List<Verification.Problem> problems = new ArrayList<>();
        for (String note : checkpoints.storedNotes()) {
            Optional<Checkpoint> checkpoint = checkpoints.signedByThisInstance(note);
            checkpoint.ifPresent(c -> trail.expect(c.size(), c.root()));
            if (checkpoint.isEmpty()) {
                problems.add(Verification.Problem.of(
                        0,
                        Verification.Text.CHECKPOINT_FORGED_STORED,
                        null,
                        note.lines().limit(2).reduce((a, b) -> a + " " + b).orElse("")));
            }
        }
        return problems;
    }

    /**
     * Compares every audited object's stored state with its latest record, adding what differs to the problems while
     * they are not more than {@link #MAX_PROBLEMS}; answers how many objects it compared.
     */
    private long compareStates(List<Verification.Problem> problems) {
        long[] objects = {0};
        auditedStates
                .orderedStream()
                .forEach(states -> objects[0] += StateCheck.compare(jdbc, states, problem -> {
                    if (problems.size() <= MAX_PROBLEMS) {
                        problems.add(problem);
                    }
                }));
        return objects[0];
    }

    /** The hashes of the checkpointed blocks of records, by block, for verification to say where a rewrite lies. */
    private Map<Long, byte[]> storedBlocks() {
        Map<Long, byte[]> blocks = new HashMap<>();
        jdbc.sql("select index, hash from audit_tree_node where level = ?")
                .param(Checkpoints.STORED_LEVEL)
                .query((row, n) -> blocks.put(row.getLong("index"), row.getBytes("hash")))
                .list();
        return blocks;
    }

    // --- checkpoints and proofs ----------------------------------------------------------------------------------

    /**
     * Signs a checkpoint of the trail now, if it grew since the last one (auditors and admins); answers the latest
     * checkpoint. Refused when the trail is empty, or when it is not what the last checkpoint says.
     */
    public Outcome<Checkpoint> signCheckpoint() {
        Optional<Actor> actor = identity.currentActor();
        if (actor.isEmpty() || !actor.get().hasAny(Role.AUDITOR, Role.ADMIN)) {
            return Outcome.refused(
                    Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "auditor or admin", "sign a checkpoint"));
        }
        return checkpoints
                .sign(true)
                .flatMap(latest -> latest.<Outcome<Checkpoint>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.conflict(AuditRefusals.NOTHING_TO_SIGN))));
    }

    /** The newest checkpoint the database holds, with the time it was signed (auditors only). */
    Outcome<Optional<Checkpoints.Stored>> latestStoredCheckpoint() {
        return asAuditor(() -> Outcome.done(checkpoints.latest()));
    }

    /**
     * The checkpoints in this node's checkpoint log, outside the database, after the given size, smallest first, at
     * most {@code limit} (auditors only). Served as the log holds them: verify their signatures with
     * {@link #checkpointKey()}.
     */
    public Outcome<List<Checkpoint>> checkpoints(long afterSize, int limit) {
        return asAuditor(() -> limit < 1 || limit > MAX_CHECKPOINTS
                ? Outcome.refused(Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, "1", MAX_CHECKPOINTS))
                : Outcome.done(loggedCheckpoints()
                        .filter(c -> c.size() > afterSize)
                        .limit(limit)
                        .toList()));
    }

    /** The newest checkpoint in this node's checkpoint log (auditors only); refused when there is none yet. */
    public Outcome<Checkpoint> latestCheckpoint() {
        return asAuditor(() -> loggedCheckpoints()
                .reduce((a, b) -> b)
                .<Outcome<Checkpoint>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("a signed checkpoint"))));
    }

    private Stream<Checkpoint> loggedCheckpoints() {
        return checkpointLog.entries().stream().flatMap(entry -> entry.checkpoint().stream());
    }

    /** Writes this node's whole checkpoint log, as it is, to the stream (auditors only). */
    public Outcome<Boolean> writeCheckpointLog(OutputStream out) {
        return asAuditor(() -> {
            try {
                checkpointLog.copyTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Outcome.done(true);
        });
    }

    /** The public key that signs this instance's checkpoints (auditors only). */
    public Outcome<VerifierKey> checkpointKey() {
        return asAuditor(() -> Outcome.done(key.verifierKey()));
    }

    /**
     * The proof that record {@code seq} is in the tree of {@code size} records (auditors only); {@code size} is the
     * latest checkpoint's when absent, and at most that, so that a proof reads stored subtrees, not the whole trail.
     */
    public Outcome<InclusionProof> inclusionProof(long seq, @Nullable Long size) {
        return asAuditor(() -> proofs.inclusion(seq, size));
    }

    /**
     * The proof that the tree of {@code size1} records is a prefix of the tree of {@code size2} records (auditors
     * only); {@code size2} is the latest checkpoint's when absent, and at most that.
     */
    public Outcome<ConsistencyProof> consistencyProof(long size1, @Nullable Long size2) {
        return asAuditor(() -> proofs.consistency(size1, size2));
    }

    /** This instance's newest checkpoint with the cosignatures its peers made of it (auditors only). */
    public Outcome<String> cosignedCheckpoint() {
        return asAuditor(() -> witnessing
                .latestCosignedCheckpoint()
                .<Outcome<String>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("a signed checkpoint"))));
    }

    private Stream<AuditRecord> allRecords() {
        return jdbc
                .sql("select * from audit_record order by seq")
                .withFetchSize(1000)
                .query((row, n) -> AuditRecord.of(row))
                .stream();
    }

    private <T> Outcome<T> asAuditor(Supplier<Outcome<T>> read) {
        Optional<Actor> actor = identity.currentActor();
        if (actor.isPresent() && actor.get().has(Role.AUDITOR)) {
            return read.get();
        }
        return Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "auditor", "read the audit trail"));
    }
}
