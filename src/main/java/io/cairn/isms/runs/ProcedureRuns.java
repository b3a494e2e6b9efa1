package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserView;
import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of runs of security procedures: it checks who may do what ({@link RunAccess}) and hands each request
 * to the service of its use case: {@link RunStarting}, {@link RunProgress}, {@link RunQueries}. Everyone signed in may
 * start a run; a run or step the reader may not see answers "not found", so that its existence is not told. Public
 * for the tests of other modules that start a run.
 */
@Service
public class ProcedureRuns {

    private final IdentityManagement identity;
    private final ProcedureRunStore store;
    private final RunStarting starting;
    private final RunProgress progress;
    private final RunQueries queries;
    private final RunViews views;
    private final ProcedureCatalogue catalogue;
    private final RunFindings findings;

    ProcedureRuns(
            IdentityManagement identity,
            ProcedureRunStore store,
            RunStarting starting,
            RunProgress progress,
            RunQueries queries,
            RunViews views,
            ProcedureCatalogue catalogue,
            RunFindings findings) {
        this.identity = identity;
        this.store = store;
        this.starting = starting;
        this.progress = progress;
        this.queries = queries;
        this.views = views;
        this.catalogue = catalogue;
        this.findings = findings;
    }

    /** The procedure types a run may be started of (those not retired), by name in the reader's language. */
    @Transactional(readOnly = true)
    List<Startable> startable() {
        identity.requireActor();
        return catalogue.types().stream()
                .filter(type -> !type.retired())
                .map(type -> {
                    ProcedureDefinition shown = catalogue.shown(type.definition());
                    return new Startable(type.id(), shown.name(), Objects.requireNonNullElse(shown.description(), ""));
                })
                .sorted(java.util.Comparator.comparing(Startable::name))
                .toList();
    }

    /** Starts a run from its start form, the signed-in user asking for it. */
    @Transactional
    public Outcome<RunDetails> start(RunStart start) {
        Actor actor = identity.requireActor();
        UserView requester = identity.myAccount();
        return starting.start(start, requester).map(run -> views.details(run, actor));
    }

    @Transactional(readOnly = true)
    Outcome<RunDetails> run(ProcedureRunId id) {
        Actor actor = identity.requireActor();
        return readable(id, actor).map(run -> views.details(run, actor));
    }

    /** The run as a list shows it, if the signed-in user may read it in full: less to read than its details. */
    @Transactional(readOnly = true)
    Outcome<RunSummary> summary(ProcedureRunId id) {
        return readable(id, identity.requireActor()).map(views::summary);
    }

    /** The run a person names by its reference ({@code PRC-12} or {@code 12}), if they may read it. */
    @Transactional(readOnly = true)
    Optional<ProcedureRunId> byReference(String reference) {
        String digits = reference.trim().replaceFirst("(?i)^PRC-?", "");
        if (!digits.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Actor actor = identity.requireActor();
        return store.idOfNumber(Long.parseLong(digits)).filter(id -> readable(id, actor) instanceof Outcome.Done);
    }

    /** A page of runs: security staff see every run, everyone else those they asked for or own. */
    @Transactional(readOnly = true)
    List<RunSummary> runs(RunFilter filter) {
        Actor actor = identity.requireActor();
        boolean staff = actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
        return queries.runs(filter, staff ? null : actor.id());
    }

    /** The open steps that are the signed-in user's to work on or decide, by due time. */
    @Transactional(readOnly = true)
    List<StepWork> myWork() {
        Actor actor = identity.requireActor();
        return views.work(queries.workOf(actor), actor);
    }

    @Transactional(readOnly = true)
    Outcome<StepWork> step(RunStepId id) {
        Actor actor = identity.requireActor();
        return visibleStep(id, actor).map(found -> views.work(found.getKey(), found.getValue(), actor));
    }

    @Transactional
    Outcome<RunDetails> advance(ProcedureRunId id, long version) {
        Actor actor = identity.requireActor();
        return shown(managed(id, actor, "move the run on")
                .flatMap(run -> progress.advance(run, actor, version))
                .map(run -> views.details(run, actor)));
    }

    @Transactional
    Outcome<RunDetails> cancel(ProcedureRunId id, @Nullable String reason, long version) {
        Actor actor = identity.requireActor();
        return shown(managed(id, actor, "cancel the run")
                .flatMap(run -> progress.cancel(run, actor, reason, version))
                .map(run -> views.details(run, actor)));
    }

    @Transactional
    Outcome<StepWork> complete(RunStepId id, @Nullable String note, long version) {
        Actor actor = identity.requireActor();
        return shown(visibleStep(id, actor)
                .flatMap(found -> RunAccess.completes(actor, found.getKey(), found.getValue())
                        ? progress.complete(found.getKey(), found.getValue(), actor, note, version)
                        : Outcome.refused(Refusal.forbidden(
                                RunRefusals.NOT_YOUR_STEP, found.getValue().title())))
                .flatMap(run -> afterwards(run, id, actor)));
    }

    @Transactional
    Outcome<StepWork> skip(RunStepId id, @Nullable String reason, long version) {
        Actor actor = identity.requireActor();
        return shown(visibleStep(id, actor)
                .flatMap(found -> RunAccess.manages(actor, found.getKey())
                        ? progress.skip(found.getKey(), found.getValue(), actor, reason, version)
                        : Outcome.refused(Refusal.forbidden(RunRefusals.NEEDS_OWNER, "skip a step")))
                .flatMap(run -> afterwards(run, id, actor)));
    }

    /** Approves or rejects an approval step; a rejection ends the run as rejected. */
    @Transactional
    Outcome<StepWork> decide(RunStepId id, boolean approved, @Nullable String note, long version) {
        Actor actor = identity.requireActor();
        return shown(visibleStep(id, actor)
                .flatMap(found -> mayDecide(actor, found.getKey(), found.getValue())
                        .flatMap(step -> progress.decide(found.getKey(), step, actor, approved, note, version)))
                .flatMap(run -> afterwards(run, id, actor)));
    }

    /** Reports a finding of the run as an incident linked to it (its owner, coordinators and admins). */
    @Transactional
    Outcome<RaisedIncident> raiseIncident(ProcedureRunId id, Finding finding) {
        Actor actor = identity.requireActor();
        return managed(id, actor, "raise an incident from the run")
                .flatMap(run -> findings.raiseIncident(run, actor, finding))
                .map(RaisedIncident::of);
    }

    /** The runs that raised an incident, those the signed-in user may read, as references with their procedure. */
    @Transactional(readOnly = true)
    List<RunSummary> runsThatRaised(io.cairn.incidents.IncidentId incident) {
        Actor actor = identity.requireActor();
        return findings.runsOf(incident).stream()
                .flatMap(run -> store.byId(run).stream())
                .filter(run -> RunAccess.readsInFull(actor, run))
                .map(run -> views.summary(run))
                .toList();
    }

    private Outcome<RunStep> mayDecide(Actor actor, ProcedureRun run, RunStep step) {
        if (actor.id().equals(run.requestedBy())) {
            return Outcome.refused(Refusal.forbidden(RunRefusals.REQUESTER_MAY_NOT_APPROVE, step.title()));
        }
        if (!RunAccess.decides(actor, step)) {
            return Outcome.refused(Refusal.forbidden(RunRefusals.NOT_THE_APPROVER, step.title()));
        }
        return Outcome.done(step);
    }

    /** The outcome with the shipped steps and phases its refusal names in the reader's language. */
    private <T> Outcome<T> shown(Outcome<T> outcome) {
        if (!(outcome instanceof Outcome.Refused<T> refused)) {
            return outcome;
        }
        Refusal refusal = refused.refusal();
        List<Object> arguments = refusal.arguments().stream()
                .map(argument -> argument instanceof StepTitles titles
                        ? titles.shown(catalogue::shown)
                        : argument instanceof String text ? catalogue.shown(text) : argument)
                .toList();
        return Outcome.refused(new Refusal(
                refusal.kind(), refusal.message(), refusal.fields(), refusal.code(), refusal.template(), arguments));
    }

    private Outcome<StepWork> afterwards(ProcedureRun run, RunStepId id, Actor actor) {
        return Outcome.done(views.work(run, run.step(id).orElseThrow(), actor));
    }

    private Outcome<ProcedureRun> readable(ProcedureRunId id, Actor actor) {
        return store.byId(id)
                .filter(run -> RunAccess.readsInFull(actor, run))
                .<Outcome<ProcedureRun>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(notFound("procedure run " + id)));
    }

    private Outcome<ProcedureRun> managed(ProcedureRunId id, Actor actor, String what) {
        return readable(id, actor)
                .flatMap(run -> RunAccess.manages(actor, run)
                        ? Outcome.done(run)
                        : Outcome.refused(Refusal.forbidden(RunRefusals.NEEDS_OWNER, what)));
    }

    /** The step with its run, if the actor may see it; "not found" otherwise, so that its existence is not told. */
    Outcome<Map.Entry<ProcedureRun, RunStep>> visibleStep(RunStepId id, Actor actor) {
        return store.runOfStep(id)
                .flatMap(store::byId)
                .flatMap(run -> run.step(id)
                        .filter(step -> RunAccess.seesStep(actor, run, step))
                        .map(step -> Map.entry(run, step)))
                .<Outcome<Map.Entry<ProcedureRun, RunStep>>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(notFound("procedure step " + id)));
    }

    private static Refusal notFound(String what) {
        return Refusal.of(Refusal.Kind.NOT_FOUND, SharedRefusals.NOT_FOUND, what);
    }
}
