package io.cairn.isms.controls;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureCatalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the runs that evidence a control from the runs' tables, as a cursor (a batch of rows at a time) so that a year
 * of runs is never held at once: the runs started in the period with at least one step of their own copy of the
 * definition that names the control, each with those steps and its approvals, its people's names and its exceptions.
 * Call it inside a transaction, which the cursor needs.
 */
@Component
class EvidenceReader {

    /** How many rows the database sends at a time, and how many runs share one look-up of names. */
    static final int BATCH = 500;

    private static final String RUNS = """
            select r.id, r.number, r.definition->>'name' as procedure, r.requested_by, r.owner_id, r.state,
                r.started_at, r.due_at, r.closed_at, r.close_reason,
                s.position, s.title, s.kind, s.mandatory, s.controls @> cast(:control as jsonb) as evidences,
                s.state as step_state, s.closed_by, s.opened_at, s.due_at as step_due, s.closed_at as step_closed,
                s.note, s.closed_by is not null and s.closed_by = r.requested_by as by_requester,
                array(select array[a.file_name, a.sha256] from isms_step_attachment a where a.step_id = s.id
                      order by a.attached_at, a.id) as attachments
            from isms_procedure_run r join isms_run_step s on s.run_id = r.id
            where r.started_at >= :start and r.started_at < :end %s
              and exists (select 1 from isms_run_step e where e.run_id = r.id and e.controls @> cast(:control as jsonb))
              and (s.controls @> cast(:control as jsonb) or s.kind = 'approval')
            order by r.started_at, r.number, s.position""";

    private static final String OCCURRENCES = """
            select o.occurs_at, o.reason, o.reason_detail::text as reason_detail, sc.name,
                t.definition->>'name' as procedure
            from isms_schedule_occurrence o join isms_schedule sc on sc.id = o.schedule_id
                join isms_procedure_type t on t.id = sc.procedure_type
            where o.outcome <> 'started' and o.occurs_at >= :start and o.occurs_at < :end %s
              and exists (select 1 from jsonb_array_elements(t.definition->'steps') step
                          where step->'controls' @> cast(:control as jsonb))
            order by o.occurs_at""";

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final ProcedureCatalogue catalogue;
    private final EvidenceTexts texts;

    EvidenceReader(
            DataSource dataSource, IdentityManagement identity, ProcedureCatalogue catalogue, EvidenceTexts texts) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(BATCH);
        this.jdbc = JdbcClient.create(cursor);
        this.identity = identity;
        this.catalogue = catalogue;
        this.texts = texts;
    }

    /** Hands each run of the evidence to {@code each}, by start time, with its exceptions as of {@code now}. */
    void each(EvidenceQuery query, Instant now, Consumer<EvidenceRun> each) {
        Batch batch = new Batch(now, query.target(), each);
        jdbc.sql(RUNS.formatted(query.procedureType() == null ? "" : "and r.type_id = :type"))
                .param("control", "[\"" + query.control().number() + "\"]")
                .param("start", java.sql.Timestamp.from(query.start()))
                .param("end", java.sql.Timestamp.from(query.end()))
                .param(
                        "type",
                        query.procedureType() == null
                                ? new UUID(0, 0)
                                : query.procedureType().value())
                .query((org.springframework.jdbc.core.RowCallbackHandler) batch::row);
        batch.flush();
    }

    /**
     * The occurrences of schedules in the period for which no run started (missed after downtime, or not started for
     * a reason such as a retired type), of types whose steps name the control: each an exception of its own.
     */
    List<EvidenceException> missedOccurrences(EvidenceQuery query) {
        return jdbc.sql(OCCURRENCES.formatted(query.procedureType() == null ? "" : "and t.id = :type"))
                .param("control", "[\"" + query.control().number() + "\"]")
                .param("start", java.sql.Timestamp.from(query.start()))
                .param("end", java.sql.Timestamp.from(query.end()))
                .param(
                        "type",
                        query.procedureType() == null
                                ? new UUID(0, 0)
                                : query.procedureType().value())
                .query((row, n) -> texts.occurrence(
                        catalogue.shown(Objects.requireNonNullElse(row.getString("procedure"), "")),
                        row.getString("name"),
                        row.getTimestamp("occurs_at").toInstant(),
                        texts.occurrenceReason(row.getString("reason_detail"), row.getString("reason"))))
                .list();
    }

    /** A run as its rows give it, before its people are named. */
    private static final class RawRun {
        final UUID id;
        final long number;
        final String procedure;
        final @Nullable UUID requestedBy;
        final UUID owner;
        final String state;
        final Instant startedAt;
        final @Nullable Instant dueAt;
        final @Nullable Instant closedAt;
        final String closeReason;
        final List<RawStep> steps = new ArrayList<>();

        RawRun(ResultSet row) throws SQLException {
            id = row.getObject("id", UUID.class);
            number = row.getLong("number");
            procedure = Objects.requireNonNullElse(row.getString("procedure"), "");
            requestedBy = row.getObject("requested_by", UUID.class);
            owner = row.getObject("owner_id", UUID.class);
            state = row.getString("state");
            startedAt = row.getTimestamp("started_at").toInstant();
            dueAt = instant(row, "due_at");
            closedAt = instant(row, "closed_at");
            closeReason = Objects.requireNonNullElse(row.getString("close_reason"), "");
        }
    }

    private record RawStep(
            int position,
            String title,
            String kind,
            boolean mandatory,
            boolean evidences,
            String state,
            @Nullable UUID closedBy,
            @Nullable Instant openedAt,
            @Nullable Instant dueAt,
            @Nullable Instant closedAt,
            String note,
            boolean byRequester,
            List<EvidenceAttachment> attachments) {

        static RawStep of(ResultSet row) throws SQLException {
            return new RawStep(
                    row.getInt("position"),
                    row.getString("title"),
                    row.getString("kind"),
                    row.getBoolean("mandatory"),
                    row.getBoolean("evidences"),
                    row.getString("step_state"),
                    row.getObject("closed_by", UUID.class),
                    instant(row, "opened_at"),
                    instant(row, "step_due"),
                    instant(row, "step_closed"),
                    Objects.requireNonNullElse(row.getString("note"), ""),
                    row.getBoolean("by_requester"),
                    attachments(row));
        }

        /** The attachments of the step's row: an array of {@code [name, sha256]} pairs, empty for none. */
        private static List<EvidenceAttachment> attachments(ResultSet row) throws SQLException {
            java.sql.Array array = row.getArray("attachments");
            Object[] pairs = array == null ? new Object[0] : (Object[]) array.getArray();
            List<EvidenceAttachment> attachments = new ArrayList<>(pairs.length);
            for (Object pair : pairs) {
                String[] nameAndHash = (String[]) pair;
                attachments.add(new EvidenceAttachment(nameAndHash[0], nameAndHash[1]));
            }
            return attachments;
        }
    }

    /** The runs read and not yet handed on: named together, a batch at a time. */
    private final class Batch {
        private final Instant now;
        private final @Nullable CompletionTarget target;
        private final Consumer<EvidenceRun> each;
        private final List<RawRun> runs = new ArrayList<>();
        private @Nullable RawRun current;

        Batch(Instant now, @Nullable CompletionTarget target, Consumer<EvidenceRun> each) {
            this.now = now;
            this.target = target;
            this.each = each;
        }

        void row(ResultSet row) throws SQLException {
            UUID id = row.getObject("id", UUID.class);
            RawRun run = current;
            if (run == null || !run.id.equals(id)) {
                if (runs.size() >= BATCH) {
                    flush();
                }
                run = new RawRun(row);
                runs.add(run);
                current = run;
            }
            run.steps.add(RawStep.of(row));
        }

        void flush() {
            Set<UserId> people = new HashSet<>();
            for (RawRun run : runs) {
                people.add(new UserId(run.owner));
                if (run.requestedBy != null) {
                    people.add(new UserId(run.requestedBy));
                }
                run.steps.stream()
                        .map(RawStep::closedBy)
                        .filter(Objects::nonNull)
                        .forEach(by -> people.add(new UserId(by)));
            }
            Map<UserId, String> names = people.isEmpty() ? Map.of() : identity.displayNames(people);
            for (RawRun run : runs) {
                EvidenceRun named = named(run, names);
                each.accept(named.withExceptions(texts.told(ExceptionRules.exceptions(named, now, target))));
            }
            runs.clear();
        }
    }

    private EvidenceRun named(RawRun run, Map<UserId, String> names) {
        String procedure = catalogue.shown(run.procedure);
        List<EvidenceStep> steps = run.steps.stream()
                .map(step -> new EvidenceStep(
                        step.position() + 1,
                        catalogue.shown(step.title()),
                        step.kind(),
                        step.mandatory(),
                        step.evidences(),
                        step.state(),
                        name(names, step.closedBy()),
                        step.openedAt(),
                        step.dueAt(),
                        step.closedAt(),
                        step.note(),
                        step.byRequester(),
                        step.attachments()))
                .toList();
        return new EvidenceRun(
                run.id.toString(),
                "PRC-" + run.number,
                procedure,
                name(names, run.requestedBy),
                name(names, run.owner),
                run.startedAt,
                run.dueAt,
                run.closedAt,
                run.state,
                run.closeReason,
                steps,
                List.of());
    }

    private static String name(Map<UserId, String> names, @Nullable UUID id) {
        return id == null ? "" : names.getOrDefault(new UserId(id), id.toString());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
