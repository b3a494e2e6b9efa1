package io.cairn.audit;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's entry point: auditors page through, export and verify the trail.
 */
@Service
public class AuditManagement {

    /** Verification lists at most this many problems; the first is what matters most. */
    static final int MAX_PROBLEMS = 100;

    private final JdbcClient jdbc;
    private final IdentityManagement identity;

    AuditManagement(JdbcClient jdbc, IdentityManagement identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /** Records after the given sequence number, oldest first (auditors only). */
    @Transactional(readOnly = true)
    public Outcome<List<AuditRecord>> records(long afterSeq, int limit, @Nullable String objectId) {
        Optional<Refusal> refusal = requireAuditor();
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        if (limit < 1 || limit > 1000) {
            return Outcome.refused(Refusal.invalid("limit", "must be from 1 to 1000"));
        }
        String sql = "select * from audit_record where seq > ?" + (objectId == null ? "" : " and object_id = ?")
                + " order by seq limit ?";
        List<Object> parameters = new ArrayList<>(List.of(afterSeq));
        if (objectId != null) {
            parameters.add(objectId);
        }
        parameters.add(limit);
        return Outcome.done(jdbc.sql(sql).params(parameters).query((row, n) -> record(row)).list());
    }

    /**
     * The newest records before the given sequence number (all, when absent), newest first (auditors only); for
     * reading the trail backwards from now.
     */
    @Transactional(readOnly = true)
    public Outcome<List<AuditRecord>> latest(@Nullable Long beforeSeq, int limit, @Nullable String objectId) {
        Optional<Refusal> refusal = requireAuditor();
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        if (limit < 1 || limit > 1000) {
            return Outcome.refused(Refusal.invalid("limit", "must be from 1 to 1000"));
        }
        String sql = "select * from audit_record where seq < ?" + (objectId == null ? "" : " and object_id = ?")
                + " order by seq desc limit ?";
        List<Object> parameters = new ArrayList<>(List.of(beforeSeq == null ? Long.MAX_VALUE : beforeSeq));
        if (objectId != null) {
            parameters.add(objectId);
        }
        parameters.add(limit);
        return Outcome.done(jdbc.sql(sql).params(parameters).query((row, n) -> record(row)).list());
    }

    /** Streams the whole trail, oldest first, to the consumer (auditors only). */
    @Transactional(readOnly = true)
    public Outcome<Long> export(Consumer<AuditRecord> sink) {
        Optional<Refusal> refusal = requireAuditor();
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        long[] count = {0};
        try (Stream<AuditRecord> records = allRecords()) {
            records.forEach(record -> {
                sink.accept(record);
                count[0]++;
            });
        }
        return Outcome.done(count[0]);
    }

    /** Checks every record: present, chained to the one before, content unaltered (auditors only). */
    @Transactional(readOnly = true)
    public Outcome<Verification> verify() {
        Optional<Refusal> refusal = requireAuditor();
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        List<Verification.Problem> problems = new ArrayList<>();
        long[] state = {0, 0}; // checked, last seq
        String[] previousHash = {AuditRecord.GENESIS};
        try (Stream<AuditRecord> records = allRecords()) {
            records.forEach(record -> {
                state[0]++;
                long expected = state[1] + 1;
                boolean gap = record.seq() != expected;
                if (gap) {
                    problems.add(new Verification.Problem(expected, Verification.Kind.MISSING,
                            record.seq() == expected + 1 ? "record " + expected + " is missing"
                                    : "records " + expected + " to " + (record.seq() - 1) + " are missing"));
                }
                if (!gap && !record.previousHash().equals(previousHash[0])) {
                    problems.add(new Verification.Problem(record.seq(), Verification.Kind.OUT_OF_ORDER,
                            "record " + record.seq() + " does not follow record " + (record.seq() - 1)
                                    + ": records were reordered or one was inserted"));
                }
                if (!record.sealsItsContent()) {
                    problems.add(new Verification.Problem(record.seq(), Verification.Kind.ALTERED,
                            "record " + record.seq() + " was altered: its content does not match its hash"));
                }
                previousHash[0] = record.hash();
                state[1] = record.seq();
            });
        }
        long headSeq = jdbc.sql("select seq from audit_head where id = 1").query(Long.class).single();
        if (headSeq > state[1]) {
            problems.add(new Verification.Problem(state[1] + 1, Verification.Kind.MISSING,
                    "records " + (state[1] + 1) + " to " + headSeq + " are missing from the end of the trail"));
        }
        List<Verification.Problem> listed = problems.stream().limit(MAX_PROBLEMS).toList();
        return Outcome.done(new Verification(problems.isEmpty(), state[0],
                listed.isEmpty() ? null : listed.get(0), listed));
    }

    private Stream<AuditRecord> allRecords() {
        return jdbc.sql("select * from audit_record order by seq").withFetchSize(1000)
                .query((row, n) -> record(row)).stream();
    }

    private Optional<Refusal> requireAuditor() {
        Optional<Actor> actor = identity.currentActor();
        if (actor.isPresent() && actor.get().has(Role.AUDITOR)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.forbidden("you need the role auditor to read the audit trail"));
    }

    private static AuditRecord record(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong("seq"), row.getTimestamp("at").toInstant(), row.getString("actor_id"),
                row.getString("actor_name"), row.getString("action"), row.getString("object_type"),
                row.getString("object_id"), row.getString("before_digest"), row.getString("after_digest"),
                row.getString("previous_hash"), row.getString("hash"));
    }
}
