package io.cairn.audit;

import io.cairn.audit.Verification.Problem;
import io.cairn.audit.Verification.Text;
import io.cairn.shared.AuditedStates;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares each audited object's stored state with the after-digest of its latest record that holds its whole state,
 * by walking both in order of id: the objects a batch at a time from the module that owns them, the records in one
 * sorted pass. An object that differs, has no such record, or has records but is gone was changed outside Cairn.
 */
final class StateCheck {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final AuditedStates states;
    private final Consumer<Problem> problems;

    private StateCheck(JdbcClient jdbc, AuditedStates states, Consumer<Problem> problems) {
        this.jdbc = jdbc;
        this.states = states;
        this.problems = problems;
    }

    /** Compares every object of the type; tells each problem to {@code problems}; answers how many objects exist. */
    static long compare(JdbcClient jdbc, AuditedStates states, Consumer<Problem> problems) {
        return new StateCheck(jdbc, states, problems).run();
    }

    private record Recorded(
            String objectId, long seq, @Nullable String digest) {}

    private long run() {
        long objects = 0;
        try (Stream<Recorded> stream = recorded()) {
            Iterator<Recorded> records = stream.iterator();
            Recorded record = records.hasNext() ? records.next() : null;
            List<AuditedStates.State> batch = states.statesAfter(null, BATCH);
            while (!batch.isEmpty()) {
                for (AuditedStates.State state : batch) {
                    objects++;
                    while (record != null && record.objectId().compareTo(state.id()) < 0) {
                        gone(record);
                        record = records.hasNext() ? records.next() : null;
                    }
                    if (record == null || !record.objectId().equals(state.id())) {
                        problems.accept(Problem.of(0, Text.NO_STATE_RECORD, state.label(), state.label()));
                        continue;
                    }
                    if (!state.digest().equals(record.digest())) {
                        problems.accept(Problem.of(
                                record.seq(), Text.CHANGED_OUTSIDE, state.label(), state.label(), record.seq()));
                    }
                    record = records.hasNext() ? records.next() : null;
                }
                batch = batch.size() < BATCH
                        ? List.of()
                        : states.statesAfter(batch.get(batch.size() - 1).id(), BATCH);
            }
            for (; record != null; record = records.hasNext() ? records.next() : null) {
                gone(record);
            }
        }
        return objects;
    }

    private void gone(Recorded record) {
        problems.accept(Problem.of(
                record.seq(),
                Text.DELETED_OUTSIDE,
                record.objectId(),
                states.objectType(),
                record.objectId(),
                record.seq()));
    }

    /** The latest state record of each object of the type, in order of object id as Java compares strings. */
    private Stream<Recorded> recorded() {
        return jdbc
                .sql("""
                select distinct on (object_id collate "C") object_id, seq, after_digest
                from audit_record where object_type = ? and action = any(?)
                order by object_id collate "C", seq desc""")
                .params(states.objectType(), states.stateActions().toArray(String[]::new))
                .withFetchSize(BATCH)
                .query((row, n) ->
                        new Recorded(row.getString("object_id"), row.getLong("seq"), row.getString("after_digest")))
                .stream();
    }
}
