package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.isms.procedures.FormField;
import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Shows runs and steps in the reader's language, with people and teams by name and only what the reader may see. */
@Component
class RunViews {

    private final ProcedureCatalogue catalogue;
    private final IdentityManagement identity;
    private final RunFindings findings;
    private final IncidentManagement incidents;

    RunViews(
            ProcedureCatalogue catalogue,
            IdentityManagement identity,
            RunFindings findings,
            IncidentManagement incidents) {
        this.catalogue = catalogue;
        this.identity = identity;
        this.findings = findings;
        this.incidents = incidents;
    }

    /** The run in full, for a reader who may read it in full. */
    RunDetails details(ProcedureRun run, Actor reader) {
        ProcedureDefinition shown = catalogue.shown(run.definition());
        Names names = names(List.of(run));
        boolean manages = RunAccess.manages(reader, run);
        List<RunDetails.PhaseSteps> phases = phases(run, shown, reader, names, manages);
        return new RunDetails(
                run.id(),
                run.reference(),
                shown.name(),
                shown.key(),
                run.state(),
                run.phase(),
                phaseName(run, shown),
                names.person(run.owner()),
                run.requestedBy() == null ? null : names.person(run.requestedBy()),
                run.startedAt(),
                run.dueAt(),
                run.closedAt(),
                run.closedBy() == null ? null : names.person(run.closedBy()),
                run.closeReason(),
                formValues(run, shown, shown.form().stream().map(FormField::key).toList()),
                phases,
                run.openMandatorySteps().stream()
                        .map(step -> catalogue.shown(step.title()))
                        .toList(),
                findings.incidentsOf(run.id()).stream()
                        .flatMap(incident -> incidents.incident(incident).stream())
                        .map(RaisedIncident::of)
                        .toList(),
                manages,
                run.version());
    }

    private List<RunDetails.PhaseSteps> phases(
            ProcedureRun run, ProcedureDefinition shown, Actor reader, Names names, boolean manages) {
        int current = phaseIndex(run);
        List<RunDetails.PhaseSteps> phases = new java.util.ArrayList<>();
        for (int index = 0; index < shown.phases().size(); index++) {
            ProcedureDefinition.Phase phase = shown.phases().get(index);
            List<RunDetails.StepDetails> steps = run.steps().stream()
                    .filter(step -> step.phase().equals(phase.key()))
                    .map(step -> new RunDetails.StepDetails(
                            work(run, shown, step, reader, names, formValues(run, shown, step.fields())),
                            step.controls(),
                            step.isStarted(),
                            manages && step.isOpen() && step.isStarted() && !step.mandatory() && run.isOpen()))
                    .toList();
            phases.add(new RunDetails.PhaseSteps(phase.key(), phase.name(), index == current, index <= current, steps));
        }
        return phases;
    }

    /** The run as a list shows it. */
    RunSummary summary(ProcedureRun run) {
        ProcedureDefinition shown = catalogue.shown(run.definition());
        return new RunSummary(
                run.id(),
                run.reference(),
                shown.name(),
                run.state(),
                phaseName(run, shown),
                names(List.of(run)).person(run.owner()),
                run.startedAt(),
                run.dueAt(),
                run.closedAt(),
                (int) run.steps().stream()
                        .filter(step -> step.isOpen() && step.isStarted())
                        .count());
    }

    /** One step as the person working on it sees it: only the form fields the step names. */
    StepWork work(ProcedureRun run, RunStep step, Actor reader) {
        ProcedureDefinition shown = catalogue.shown(run.definition());
        return work(run, shown, step, reader, names(List.of(run)), formValues(run, shown, step.fields()));
    }

    /** Several steps of several runs, as their workers see them, with one lookup of names. */
    List<StepWork> work(List<Map.Entry<ProcedureRun, RunStep>> steps, Actor reader) {
        Names names = names(steps.stream().map(Map.Entry::getKey).toList());
        return steps.stream()
                .map(entry -> {
                    ProcedureRun run = entry.getKey();
                    ProcedureDefinition shown = catalogue.shown(run.definition());
                    RunStep step = entry.getValue();
                    return work(run, shown, step, reader, names, formValues(run, shown, step.fields()));
                })
                .toList();
    }

    private StepWork work(
            ProcedureRun run,
            ProcedureDefinition shown,
            RunStep step,
            Actor reader,
            Names names,
            List<StepWork.FormValue> shared) {
        boolean open = run.isOpen() && step.isOpen() && step.isStarted();
        boolean requester = reader.id().equals(run.requestedBy());
        return new StepWork(
                step.id(),
                run.id(),
                run.reference(),
                shown.name(),
                phaseName(run, shown),
                names.person(run.owner()),
                catalogue.shown(step.title()),
                catalogue.shown(step.description()),
                step.articles(),
                step.kind().code(),
                step.mandatory(),
                step.team() == null ? null : names.team(step.team()),
                step.approver() == null ? null : names.person(step.approver()),
                step.dueAt(),
                step.state(),
                step.note(),
                step.closedBy() == null ? null : names.person(step.closedBy()),
                step.closedAt(),
                shared,
                open && !step.isApproval() && RunAccess.completes(reader, run, step),
                open && step.isApproval() && !requester && RunAccess.decides(reader, step),
                requester,
                step.version());
    }

    private static List<StepWork.FormValue> formValues(ProcedureRun run, ProcedureDefinition shown, List<String> keys) {
        return shown.form().stream()
                .filter(field -> keys.contains(field.key()) && run.values().containsKey(field.key()))
                .map(field -> new StepWork.FormValue(
                        field.key(),
                        field.label(),
                        Objects.requireNonNull(run.values().get(field.key()))))
                .toList();
    }

    private static String phaseName(ProcedureRun run, ProcedureDefinition shown) {
        return shown.phases().stream()
                .filter(phase -> phase.key().equals(run.phase()))
                .map(ProcedureDefinition.Phase::name)
                .findFirst()
                .orElse("");
    }

    private static int phaseIndex(ProcedureRun run) {
        List<ProcedureDefinition.Phase> phases = run.definition().phases();
        for (int index = 0; index < phases.size(); index++) {
            if (phases.get(index).key().equals(run.phase())) {
                return index;
            }
        }
        return run.isOpen() ? -1 : phases.size();
    }

    private Names names(List<ProcedureRun> runs) {
        Set<UserId> people = new HashSet<>();
        for (ProcedureRun run : runs) {
            people.add(run.owner());
            if (run.requestedBy() != null) {
                people.add(run.requestedBy());
            }
            if (run.closedBy() != null) {
                people.add(run.closedBy());
            }
            run.steps().forEach(step -> {
                if (step.approver() != null) {
                    people.add(step.approver());
                }
                if (step.closedBy() != null) {
                    people.add(step.closedBy());
                }
            });
        }
        return new Names(identity.displayNames(people), identity.teamNames());
    }

    /** People and teams by name, looked up once per page. */
    private record Names(Map<UserId, String> people, Map<TeamId, String> teams) {

        String person(@Nullable UserId id) {
            return id == null ? "" : people.getOrDefault(id, id.toString());
        }

        String team(@Nullable TeamId id) {
            return id == null ? "" : teams.getOrDefault(id, id.toString());
        }
    }
}
