package io.cairn.audit;

import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This instance's trail as peers see it, and this instance as a witness of theirs (see {@link TrailWitnessing}).
 * Cosigning a peer's log is serialised on its row, so two nodes that witness at once never cosign two forks.
 */
@Service
class Witnessing implements TrailWitnessing {

    private static final Log log = LogFactory.getLog(Witnessing.class);

    private final JdbcClient jdbc;
    private final InstanceKey instanceKey;
    private final WitnessKey witnessKey;
    private final Checkpoints checkpoints;
    private final TrailProofs proofs;
    private final Clock clock;

    Witnessing(
            JdbcClient jdbc,
            InstanceKey instanceKey,
            WitnessKey witnessKey,
            Checkpoints checkpoints,
            TrailProofs proofs,
            Clock clock) {
        this.jdbc = jdbc;
        this.instanceKey = instanceKey;
        this.witnessKey = witnessKey;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.clock = clock;
    }

    @Override
    public VerifierKey checkpointKey() {
        return instanceKey.verifierKey();
    }

    @Override
    public CosignerKey witnessKey() {
        return witnessKey.cosignerKey();
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return checkpoints.latest().map(stored -> stored.checkpoint().note());
    }

    @Override
    public Optional<String> latestCosignedCheckpoint() {
        return checkpoints.latest().map(stored -> cosigned(stored.checkpoint()));
    }

    /** The checkpoint's note with every cosignature peers made of it. */
    private String cosigned(Checkpoint checkpoint) {
        SignedNote note = SignedNote.parse(checkpoint.note()).orElseThrow();
        for (String line : jdbc.sql("select line from audit_cosignature where size = ? order by witness")
                .param(checkpoint.size())
                .query(String.class)
                .list()) {
            note = note.with(signatureLine(line));
        }
        return note.render();
    }

    /** At most this many records of one digest are answered: a message is received or issued a few times at most. */
    private static final int MAX_RECORDS_OF_DIGEST = 100;

    @Override
    @Transactional(readOnly = true)
    public RecordsOfDigest recordsOfDigest(String sha256) {
        List<AuditRecord> records = jdbc.sql("select * from audit_record where after_digest = ? order by seq limit ?")
                .params(sha256, MAX_RECORDS_OF_DIGEST)
                .query((row, n) -> AuditRecord.of(row))
                .list();
        Optional<Checkpoint> cosigned = jdbc.sql("select size from audit_cosignature order by size desc limit 1")
                .query(Long.class)
                .optional()
                .flatMap(checkpoints::ofSize);
        List<InclusionProof> proven = new ArrayList<>();
        List<AuditRecord> unproven = new ArrayList<>();
        for (AuditRecord record : records) {
            Optional<InclusionProof> proof = cosigned.filter(checkpoint -> record.seq() <= checkpoint.size())
                    .flatMap(checkpoint -> proofs.inclusion(record.seq(), checkpoint.size())
                                    instanceof Outcome.Done<InclusionProof> done
                            ? Optional.of(done.value())
                            : Optional.empty());
            proof.ifPresentOrElse(proven::add, () -> unproven.add(record));
        }
        return new RecordsOfDigest(cosigned.map(this::cosigned).orElse(null), proven, unproven);
    }

    @Override
    public Outcome<ConsistencyProof> consistencyProof(long from, long to) {
        return proofs.consistency(from, to);
    }

    @Override
    public OptionalLong witnessedSize(String origin) {
        return jdbc.sql("select size from audit_witnessed_log where origin = ?")
                .param(origin)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    @Override
    @Transactional
    public Outcome<String> cosign(VerifierKey logKey, String checkpointNote, List<String> proof) {
        Optional<SignedNote> note = SignedNote.parse(checkpointNote);
        Optional<Checkpoint> offered = note.flatMap(Checkpoint::of);
        if (offered.isEmpty()) {
            return refused(AuditRefusals.NOT_A_CHECKPOINT);
        }
        if (logKey.check(note.get()) != VerifierKey.Check.SIGNED) {
            return refused(AuditRefusals.NOT_SIGNED_BY_LOG_KEY, logKey.encoded());
        }
        Checkpoint checkpoint = offered.get();
        if (!checkpoint.origin().equals(logKey.name())) {
            return refused(AuditRefusals.ORIGIN_OF_OTHER_KEY, checkpoint.origin(), logKey.name());
        }
        Optional<Witnessed> witnessed = witnessed(checkpoint.origin());
        if (witnessed.isPresent()) {
            Optional<Refusal> contradiction = contradiction(witnessed.get(), logKey, checkpoint, proof);
            if (contradiction.isPresent()) {
                return Outcome.refused(contradiction.get());
            }
        }
        Instant now = clock.instant();
        remember(logKey, checkpoint, now);
        return Outcome.done(
                note.get().with(witnessKey.cosign(note.get().text(), now)).render());
    }

    /** Why the offered checkpoint may not be cosigned after the one witnessed; an alarm when it contradicts it. */
    private Optional<Refusal> contradiction(
            Witnessed witnessed, VerifierKey logKey, Checkpoint offered, List<String> proof) {
        if (!witnessed.key().equals(logKey.encoded())) {
            return Optional.of(alarm(offered, AuditRefusals.LOG_KEY_CHANGED, logKey.encoded(), witnessed.key()));
        }
        if (offered.size() < witnessed.size()) {
            return Optional.of(refusal(AuditRefusals.OLDER_THAN_WITNESSED, offered.size(), witnessed.size()));
        }
        boolean consistent = offered.size() == witnessed.size()
                ? offered.rootHash().equals(witnessed.rootHash())
                : witnessed.size() == 0
                        || MerkleTree.verifyConsistency(
                                witnessed.size(),
                                offered.size(),
                                Base64.getDecoder().decode(witnessed.rootHash()),
                                offered.root(),
                                hashes(proof));
        return consistent
                ? Optional.empty()
                : Optional.of(alarm(offered, AuditRefusals.INCONSISTENT, witnessed.size(), witnessed.rootHash()));
    }

    private Refusal alarm(Checkpoint offered, AuditRefusals reason, Object... arguments) {
        Refusal refusal = refusal(reason, arguments);
        String text = refusal.fields().get(0).message();
        jdbc.sql("insert into audit_witness_alarm (origin, detected_at, reason, offered) values (?, ?, ?, ?)")
                .params(offered.origin(), Timestamp.from(clock.instant()), text, offered.note())
                .update();
        log.warn("Witness alarm for the audit trail '" + offered.origin() + "': the checkpoint of size "
                + offered.size() + " " + text);
        return refusal;
    }

    private void remember(VerifierKey logKey, Checkpoint checkpoint, Instant now) {
        jdbc.sql("""
                insert into audit_witnessed_log (origin, checkpoint_key, size, root_hash, note, cosigned_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (origin) do update set size = excluded.size, root_hash = excluded.root_hash,
                  note = excluded.note, cosigned_at = excluded.cosigned_at""")
                .params(
                        checkpoint.origin(),
                        logKey.encoded(),
                        checkpoint.size(),
                        checkpoint.rootHash(),
                        checkpoint.note(),
                        Timestamp.from(now))
                .update();
    }

    @Override
    @Transactional
    public Outcome<Instant> keepCosignature(CosignerKey witness, String cosignedNote) {
        Optional<SignedNote> note = SignedNote.parse(cosignedNote);
        Optional<Checkpoint> checkpoint = note.flatMap(Checkpoint::of);
        if (checkpoint.isEmpty()) {
            return refused(AuditRefusals.NOT_A_CHECKPOINT);
        }
        Optional<Checkpoint> ours = checkpoints.ofSize(checkpoint.get().size());
        if (ours.isEmpty()
                || !SignedNote.parse(ours.get().note())
                        .orElseThrow()
                        .text()
                        .equals(note.get().text())) {
            return refused(AuditRefusals.NOT_THIS_INSTANCES_CHECKPOINT);
        }
        CosignerKey.Found found = witness.check(note.get());
        if (found.check() != VerifierKey.Check.SIGNED || found.at() == null) {
            return refused(AuditRefusals.NO_COSIGNATURE, witness.encoded());
        }
        String line = note.get().signatures().stream()
                .filter(s -> s.keyName().equals(witness.name()) && s.keyId() == witness.keyId())
                .reduce((a, b) -> b)
                .orElseThrow()
                .line();
        jdbc.sql("""
                insert into audit_cosignature (size, witness, line, cosigned_at, received_at) values (?, ?, ?, ?, ?)
                on conflict (size, witness) do update set line = excluded.line, cosigned_at = excluded.cosigned_at,
                  received_at = excluded.received_at
                where audit_cosignature.cosigned_at < excluded.cosigned_at""")
                .params(
                        checkpoint.get().size(),
                        witness.encoded(),
                        line,
                        Timestamp.from(found.at()),
                        Timestamp.from(clock.instant()))
                .update();
        return Outcome.done(found.at());
    }

    @Override
    public List<WitnessedLog> witnessedLogs() {
        return jdbc.sql("select origin, size, cosigned_at from audit_witnessed_log order by origin")
                .query((row, n) -> new WitnessedLog(
                        row.getString("origin"),
                        row.getLong("size"),
                        row.getTimestamp("cosigned_at").toInstant(),
                        alarms(row.getString("origin"))))
                .list();
    }

    private List<Alarm> alarms(String origin) {
        return jdbc.sql("select detected_at, reason, offered from audit_witness_alarm where origin = ? "
                        + "order by id desc limit 50")
                .param(origin)
                .query((row, n) -> new Alarm(
                        row.getTimestamp("detected_at").toInstant(), row.getString("reason"), row.getString("offered")))
                .list();
    }

    private record Witnessed(String key, long size, String rootHash) {}

    /** The log's witnessed row, locked until the transaction ends. */
    private Optional<Witnessed> witnessed(String origin) {
        return jdbc.sql("select checkpoint_key, size, root_hash from audit_witnessed_log where origin = ? for update")
                .param(origin)
                .query((row, n) ->
                        new Witnessed(row.getString("checkpoint_key"), row.getLong("size"), row.getString("root_hash")))
                .optional();
    }

    private static List<byte[]> hashes(List<String> proof) {
        List<byte[]> hashes = new ArrayList<>();
        for (String hash : proof) {
            try {
                hashes.add(Base64.getDecoder().decode(hash));
            } catch (IllegalArgumentException notBase64) {
                return List.of();
            }
        }
        return hashes;
    }

    private static SignedNote.Signature signatureLine(String line) {
        String[] parts =
                line.substring(SignedNote.SIGNATURE_PREFIX.length()).trim().split(" ", 2);
        return new SignedNote.Signature(parts[0], parts[1]);
    }

    private static Refusal refusal(AuditRefusals reason, Object... arguments) {
        return Refusal.invalid("checkpoint", reason, arguments);
    }

    private static <T> Outcome<T> refused(AuditRefusals reason, Object... arguments) {
        return Outcome.refused(refusal(reason, arguments));
    }
}
