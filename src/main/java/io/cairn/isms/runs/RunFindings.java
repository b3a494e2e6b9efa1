package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.isms.ProcedureRunChanged;
import io.cairn.risks.RiskRaised;
import io.cairn.shared.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Raises incidents from the findings of runs, and keeps the link both ways ({@code isms_run_raised}): the run shows the
 * incidents it raised, and the incident's page shows the runs that raised it (to those who may read them). Risks are
 * raised through the register ({@link RunRiskSource}), which keeps that link; the run's trail records each.
 */
@Service
class RunFindings {

    private final IncidentManagement incidents;
    private final JdbcClient jdbc;
    private final RunChanges changes;
    private final ProcedureRunStore store;
    private final Clock clock;

    RunFindings(
            IncidentManagement incidents, JdbcClient jdbc, RunChanges changes, ProcedureRunStore store, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** Reports the finding as an incident of the actor's, linked to the run. */
    Outcome<IncidentView> raiseIncident(ProcedureRun run, Actor actor, Finding finding) {
        return finding.checked()
                .flatMap(checked -> incidents.report(NewIncident.of(
                        Objects.requireNonNull(checked.title()), Objects.requireNonNull(checked.description()))))
                .map(incident -> {
                    Instant now = clock.instant();
                    jdbc.sql("""
                            insert into isms_run_raised (run_id, kind, target_id, raised_at, raised_by)
                            values (?, 'incident', ?, ?, ?)""")
                            .params(
                                    run.id().value(),
                                    incident.id().value(),
                                    Timestamp.from(now),
                                    actor.id().value())
                            .update();
                    changes.record(run, run, actor.ref(), ProcedureRunChanged.Verb.RAISED_INCIDENT, null, now);
                    return incident;
                });
    }

    /** A risk was registered from a finding of a run: the run's trail records it. */
    @EventListener
    void riskRaised(RiskRaised raised) {
        if (raised.kind().equals(RunRiskSource.KIND)) {
            store.byId(new ProcedureRunId(raised.origin()))
                    .ifPresent(run -> changes.record(
                            run, run, raised.actor(), ProcedureRunChanged.Verb.RAISED_RISK, null, raised.at()));
        }
    }

    /** The incidents a run raised, oldest first. */
    List<IncidentId> incidentsOf(ProcedureRunId run) {
        return jdbc
                .sql("select target_id from isms_run_raised where run_id = ? and kind = 'incident' order by raised_at")
                .param(run.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(IncidentId::new)
                .toList();
    }

    /** The runs that raised an incident, oldest first. */
    List<ProcedureRunId> runsOf(IncidentId incident) {
        return jdbc
                .sql("select run_id from isms_run_raised where target_id = ? and kind = 'incident' order by raised_at")
                .param(incident.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(ProcedureRunId::new)
                .toList();
    }
}
