package io.cairn.isms.runs;

import io.cairn.isms.ProcedureWorkOverdue;
import io.cairn.isms.procedures.ProcedureCatalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the people of overdue steps and runs, once each: a step open past its due time goes to those who do it and to
 * the run's owner, a run open past its due time to its owner and to the coordinators. Steps and runs are claimed in
 * batches by one guarded update ({@code FOR UPDATE SKIP LOCKED}), each batch in its own transaction with its events, so
 * that a restart, a second scan or a second node tells nobody twice.
 */
@Component
class RunOverdue {

    static final int BATCH = 100;
    private static final int MAX_BATCHES = 1_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ProcedureCatalogue catalogue;
    private final boolean enabled;

    RunOverdue(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            ProcedureCatalogue catalogue,
            @Value("${cairn.isms.overdue.scanner-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.catalogue = catalogue;
        this.enabled = enabled;
    }

    @Scheduled(
            initialDelayString = "${cairn.isms.overdue.scan-delay:PT1M}",
            fixedDelayString = "${cairn.isms.overdue.scan-interval:PT5M}")
    void scheduled() {
        if (enabled) {
            scan(clock.instant());
        }
    }

    /** Tells everyone due to hear of an overdue step or run at {@code now}; how many steps and runs were told. */
    int scan(Instant now) {
        int told = 0;
        for (String claim : List.of(CLAIM_STEPS, CLAIM_RUNS)) {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                Integer claimed = transactions.execute(status -> batch(claim, now));
                if (claimed == null || claimed == 0) {
                    break;
                }
                told += claimed;
            }
        }
        return told;
    }

    private int batch(String claim, Instant now) {
        List<ProcedureWorkOverdue> claimed = jdbc.sql(claim)
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query((row, n) -> overdue(row, now))
                .list();
        claimed.forEach(events::publishEvent);
        return claimed.size();
    }

    private ProcedureWorkOverdue overdue(ResultSet row, Instant now) throws SQLException {
        return new ProcedureWorkOverdue(
                row.getObject("run_id", UUID.class),
                "PRC-" + row.getLong("number"),
                catalogue.inEachLanguage(row.getString("procedure")),
                row.getObject("step_id", UUID.class),
                catalogue.inEachLanguage(row.getString("title")),
                row.getObject("team_id", UUID.class),
                row.getObject("approver_id", UUID.class),
                row.getObject("owner_id", UUID.class),
                row.getTimestamp("due_at").toInstant(),
                now);
    }

    private static final String CLAIM_STEPS = """
            with claimed as (
                update isms_run_step s set overdue_told_at = :now
                where s.id in (
                    select s2.id from isms_run_step s2 join isms_procedure_run r2 on r2.id = s2.run_id
                    where s2.state = 'open' and s2.opened_at is not null and s2.overdue_told_at is null
                      and s2.due_at < :now and r2.state = 'open'
                    order by s2.due_at limit :batch for update of s2 skip locked)
                returning s.id, s.run_id, s.title, s.team_id, s.approver_id, s.due_at)
            select c.run_id, c.id as step_id, c.title, c.team_id, c.approver_id, c.due_at, r.number, r.owner_id,
                r.definition->>'name' as procedure
            from claimed c join isms_procedure_run r on r.id = c.run_id""";

    private static final String CLAIM_RUNS = """
            with claimed as (
                update isms_procedure_run r set overdue_told_at = :now
                where r.id in (
                    select r2.id from isms_procedure_run r2
                    where r2.state = 'open' and r2.overdue_told_at is null and r2.due_at < :now
                    order by r2.due_at limit :batch for update skip locked)
                returning r.id, r.number, r.owner_id, r.due_at, r.definition->>'name' as procedure)
            select c.id as run_id, null::uuid as step_id, c.procedure as title, null::uuid as team_id,
                null::uuid as approver_id, c.due_at, c.number, c.owner_id, c.procedure
            from claimed c""";
}
