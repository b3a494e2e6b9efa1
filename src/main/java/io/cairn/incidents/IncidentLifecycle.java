package io.cairn.incidents;

import static io.cairn.incidents.IncidentChanges.blankToNull;
import static io.cairn.incidents.IncidentChanges.details;

import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes handlers and coordinators make to an incident they may see: assignment, priority, category, status,
 * markings, title and description, and its times. Each is one of {@link Incident}'s verbs in the shape of
 * {@link IncidentChanges#change}; a status change must also pass every {@link TransitionRule} of other modules.
 */
@Component
class IncidentLifecycle {

    private final IncidentChanges changes;
    private final ReportChecks checks;
    private final PriorityMatrices matrices;
    private final ObjectProvider<TransitionRule> transitionRules;

    IncidentLifecycle(
            IncidentChanges changes,
            ReportChecks checks,
            PriorityMatrices matrices,
            ObjectProvider<TransitionRule> transitionRules) {
        this.changes = changes;
        this.checks = checks;
        this.matrices = matrices;
        this.transitionRules = transitionRules;
    }

    @Transactional
    Outcome<IncidentView> assign(IncidentId id, IncidentCommands.Assign command) {
        return changes.change(
                id,
                command.version(),
                incident -> {
                    Optional<Refusal> problem =
                            checks.assignmentProblem(command.owner(), command.team(), command.businessUnit());
                    problem.ifPresentOrElse(
                            refused -> {},
                            () -> incident.assign(
                                    command.owner(), command.team(), command.businessUnit(), changes.now()));
                    return problem;
                },
                incident -> details(
                        "owner", command.owner(), "team", command.team(), "businessUnit", command.businessUnit()),
                null,
                (incident, by, at, before, after) -> new IncidentAssigned(
                        incident.id(),
                        by,
                        at,
                        incident.status(),
                        command.owner(),
                        command.team(),
                        command.businessUnit(),
                        before,
                        after));
    }

    @Transactional
    Outcome<IncidentView> reprioritise(IncidentId id, IncidentCommands.Reprioritise command) {
        PriorityMatrix matrix = matrices.current();
        Optional<Integer> impact = matrix.impactLevel(command.impact());
        Optional<Integer> urgency = matrix.urgencyLevel(command.urgency());
        Optional<Refusal> problem = ReportChecks.levelsProblem(matrix, impact, urgency);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        int priority = matrix.priorityOf(impact.get(), urgency.get());
        return changes.change(
                id,
                command.version(),
                incident -> {
                    incident.reprioritise(impact.get(), urgency.get(), priority, changes.now());
                    return Optional.empty();
                },
                incident -> details(
                        "impact",
                        matrix.impactLabel(impact.get()),
                        "urgency",
                        matrix.urgencyLabel(urgency.get()),
                        "priority",
                        matrix.priorityLabel(priority)),
                null,
                (incident, by, at, before, after) -> new IncidentReprioritised(
                        incident.id(),
                        by,
                        at,
                        incident.status(),
                        impact.get(),
                        urgency.get(),
                        priority,
                        before,
                        after));
    }

    @Transactional
    Outcome<IncidentView> recategorise(IncidentId id, IncidentCommands.Recategorise command) {
        if (!checks.isKnown(command.category())) {
            return Outcome.refused(ReportChecks.unknownCategory(command.category()));
        }
        return changes.change(
                id,
                command.version(),
                incident -> {
                    IncidentView before = changes.view(incident);
                    incident.recategorise(
                            command.category(),
                            Objects.requireNonNullElse(command.severity(), before.severity()),
                            Objects.requireNonNullElse(command.determination(), before.determination()),
                            changes.now());
                    return Optional.empty();
                },
                this::categoryDetails,
                null,
                this::recategorised);
    }

    /** The timeline's facts of a new category: the RSIT class and type, severity and determination. */
    private Map<String, String> categoryDetails(Incident incident) {
        IncidentView after = changes.view(incident);
        return details(
                "category",
                after.category().rsitClass() + "/" + after.category().rsitType(),
                "severity",
                after.severity().code(),
                "determination",
                after.determination().code());
    }

    /** The event of a new category, with the category, severity and determination the incident now has. */
    private IncidentRecategorised recategorised(
            Incident incident, ActorRef by, Instant at, String before, String after) {
        IncidentView view = changes.view(incident);
        return new IncidentRecategorised(
                incident.id(),
                by,
                at,
                incident.status(),
                view.category(),
                view.severity(),
                view.determination(),
                before,
                after);
    }

    @Transactional
    Outcome<IncidentView> transition(IncidentId id, IncidentCommands.Transition command) {
        Status[] from = new Status[1];
        return changes.change(
                id,
                command.version(),
                incident -> {
                    from[0] = incident.status();
                    IncidentView before = changes.view(incident);
                    return incident.transition(command.to(), blankToNull(command.reason()), changes.now())
                            .or(() -> transitionRules
                                    .orderedStream()
                                    .flatMap(rule -> rule.refusal(before, command.to()).stream())
                                    .findFirst());
                },
                incident -> details("from", from[0].code(), "to", command.to().code()),
                blankToNull(command.reason()),
                (incident, by, at, before, after) ->
                        new IncidentTransitioned(incident.id(), by, at, from[0], incident.status(), before, after));
    }

    @Transactional
    Outcome<IncidentView> mark(IncidentId id, IncidentCommands.Mark command) {
        return changes.change(
                id,
                command.version(),
                incident -> incident.mark(
                        command.tlp(),
                        command.pap(),
                        command.confidential(),
                        blankToNull(command.reason()),
                        changes.now()),
                incident -> details(
                        "tlp",
                        command.tlp().label(),
                        "pap",
                        command.pap().label(),
                        "confidential",
                        command.confidential()),
                blankToNull(command.reason()),
                (incident, by, at, before, after) -> new IncidentMarked(
                        incident.id(),
                        by,
                        at,
                        incident.status(),
                        command.tlp(),
                        command.pap(),
                        command.confidential(),
                        blankToNull(command.reason()),
                        before,
                        after));
    }

    @Transactional
    Outcome<IncidentView> describe(IncidentId id, IncidentCommands.Describe command) {
        return changes.change(
                id,
                command.version(),
                incident -> {
                    Outcome<IncidentTitle> title = IncidentTitle.of(command.title());
                    if (title instanceof Outcome.Refused<IncidentTitle> refused) {
                        return Optional.of(refused.refusal());
                    }
                    incident.describe(
                            ((Outcome.Done<IncidentTitle>) title).value(),
                            command.description().trim(),
                            changes.now());
                    return Optional.empty();
                },
                incident -> Map.of(),
                null,
                (incident, by, at, before, after) ->
                        new IncidentDescribed(incident.id(), by, at, incident.status(), before, after));
    }

    @Transactional
    Outcome<IncidentView> recordDetection(IncidentId id, IncidentCommands.RecordDetection command) {
        return changes.change(
                id,
                command.version(),
                incident -> {
                    incident.recordDetection(command.source(), command.detectedBy(), changes.now());
                    return Optional.empty();
                },
                incident -> details("source", command.source().code(), "detectedBy", command.detectedBy()),
                null,
                (incident, by, at, before, after) -> new IncidentDetectionRecorded(
                        incident.id(),
                        by,
                        at,
                        incident.status(),
                        command.source(),
                        incident.detectedBy,
                        before,
                        after));
    }

    @Transactional
    Outcome<IncidentView> recordTimes(IncidentId id, IncidentCommands.RecordTimes command) {
        return changes.change(
                id,
                command.version(),
                incident -> {
                    Optional<Refusal> problem = checks.timesProblem(command.occurredAt(), command.detectedAt());
                    problem.ifPresentOrElse(
                            refused -> {},
                            () -> incident.recordTimes(command.occurredAt(), command.detectedAt(), changes.now()));
                    return problem;
                },
                incident -> details("occurredAt", command.occurredAt(), "detectedAt", command.detectedAt()),
                null,
                (incident, by, at, before, after) -> new IncidentTimesRecorded(
                        incident.id(),
                        by,
                        at,
                        incident.status(),
                        command.occurredAt(),
                        command.detectedAt(),
                        before,
                        after));
    }
}
