package io.cairn.isms.runs;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.isms.ProcedureRunChanged;
import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureStep;
import io.cairn.isms.procedures.ProcedureType;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts runs: from a person's start form, or for an occurrence of a schedule. The run keeps a copy of its type's
 * definition, its first phase starts at once (its steps open and become due), and the audit trail records the start.
 */
@Service
class RunStarting {

    private final ProcedureCatalogue catalogue;
    private final UsersForSystem users;
    private final ProcedureRunStore runs;
    private final RunChanges changes;
    private final Clock clock;
    private final ZoneId zone;

    RunStarting(
            ProcedureCatalogue catalogue,
            UsersForSystem users,
            ProcedureRunStore runs,
            RunChanges changes,
            Clock clock,
            @Value("${cairn.isms.zone:UTC}") ZoneId zone) {
        this.catalogue = catalogue;
        this.users = users;
        this.runs = runs;
        this.changes = changes;
        this.clock = clock;
        this.zone = zone;
    }

    /** Starts a run that {@code requester} asks for; nothing is stored unless every value passes. */
    Outcome<ProcedureRun> start(RunStart start, UserView requester) {
        ProcedureTypeId type = start.procedureType();
        if (type == null) {
            return Outcome.refused(Refusal.invalid("procedureType", SharedRefusals.REQUIRED));
        }
        return start(
                type,
                start.values(),
                start.owner(),
                requester,
                null,
                requester.actor().ref());
    }

    /** Starts the run of a schedule's occurrence, once: a second call for the same occurrence answers the first run. */
    Outcome<ProcedureRun> startScheduled(
            ProcedureTypeId type, UserId owner, Map<String, String> values, ProcedureRun.ScheduleRef schedule) {
        Optional<ProcedureRun> started = runs.ofOccurrence(schedule.id(), schedule.occurrence());
        if (started.isPresent()) {
            return Outcome.done(started.get());
        }
        String ownerName = users.users(List.of(owner)).stream()
                .filter(UserView::enabled)
                .map(UserView::username)
                .findFirst()
                .orElse(owner.toString());
        return start(type, values, ownerName, null, schedule, ActorRef.SYSTEM);
    }

    private Outcome<ProcedureRun> start(
            ProcedureTypeId typeId,
            Map<String, String> values,
            @Nullable String owner,
            @Nullable UserView requester,
            ProcedureRun.@Nullable ScheduleRef schedule,
            ActorRef actor) {
        Optional<ProcedureType> type = catalogue.type(typeId);
        if (type.isEmpty()) {
            return Outcome.refused(
                    Refusal.invalid("procedureType", SharedRefusals.NOT_FOUND, "procedure type " + typeId));
        }
        ProcedureDefinition definition = type.get().definition();
        if (type.get().retired()) {
            return Outcome.refused(Refusal.invalid("procedureType", RunRefusals.TYPE_RETIRED, definition.key()));
        }
        // checked on the definition in the reader's language, so that a refusal names a shipped step in it
        return new RunStartChecks(catalogue.shown(definition), this::enabledUser)
                .check(values, owner, requester)
                .map(checked -> {
                    ProcedureRun run = newRun(type.get(), checked, requester, schedule);
                    runs.insert(run);
                    changes.record(null, run, actor, ProcedureRunChanged.Verb.STARTED, null, run.startedAt());
                    return run;
                });
    }

    private ProcedureRun newRun(
            ProcedureType type,
            RunStartChecks.Checked checked,
            @Nullable UserView requester,
            ProcedureRun.@Nullable ScheduleRef schedule) {
        Instant now = clock.instant();
        ProcedureDefinition definition = type.definition();
        List<RunStep> steps = new ArrayList<>();
        for (int position = 0; position < definition.steps().size(); position++) {
            steps.add(step(
                    position,
                    definition.steps().get(position),
                    checked.approvers().get(position)));
        }
        String firstPhase = definition.phases().get(0).key();
        // a scheduled run is due by its occurrence: one started late after downtime shows as late
        Instant dueBase = schedule == null ? now : schedule.occurrence();
        Instant due =
                new RunDueTimes(checked.values(), zone).due(definition.dueOffset(), definition.dueFrom(), dueBase);
        return new ProcedureRun(
                ProcedureRunId.random(),
                runs.nextNumber(),
                type.id(),
                definition,
                checked.values(),
                requester == null ? null : requester.id(),
                checked.owner(),
                firstPhase,
                RunState.OPEN,
                now,
                due,
                null,
                null,
                null,
                schedule,
                ProcedureRun.opened(definition, checked.values(), steps, firstPhase, now, dueBase, zone),
                0);
    }

    private static RunStep step(int position, ProcedureStep step, @Nullable UserId approver) {
        return new RunStep(
                RunStepId.random(),
                position,
                step.phase(),
                step.title(),
                java.util.Objects.requireNonNullElse(step.description(), ""),
                step.kind(),
                step.mandatory(),
                step.team() == null ? null : TeamId.valueOf(step.team()),
                approver,
                step.fields(),
                step.articles(),
                step.controls(),
                null,
                null,
                StepState.OPEN,
                null,
                null,
                null,
                0);
    }

    private Optional<UserView> enabledUser(String username) {
        return users.userNamed(username).filter(UserView::enabled);
    }
}
