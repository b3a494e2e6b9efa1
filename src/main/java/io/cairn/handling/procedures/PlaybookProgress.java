package io.cairn.handling.procedures;

import io.cairn.handling.PlaybookChanged;
import io.cairn.handling.TaskChanged;
import io.cairn.identity.TeamId;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentChanged;
import io.cairn.incidents.IncidentTransitioned;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Status;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts an incident's playbook when the incident enters analysis, and gives the steps of each later phase their due
 * times when that phase starts.
 *
 * <p>It listens synchronously, in the transaction of the transition: the tasks exist as soon as the incident is in
 * analysis, so the rule that keeps a phase open while mandatory steps are open can never be passed by a transition
 * that comes before the tasks; and if the transition rolls back, so do the tasks. A playbook starts once per incident
 * (the {@code playbook_run} row); an incident that enters analysis without a matching playbook gets one when it is
 * recategorised while still in analysis, not later: steps of phases already passed would make no sense.
 */
@Component
class PlaybookProgress {

    private final PlaybookRuns runs;
    private final Playbooks playbooks;
    private final Tasks tasks;
    private final IncidentsForSystem incidents;
    private final ApplicationEventPublisher events;

    PlaybookProgress(
            PlaybookRuns runs,
            Playbooks playbooks,
            Tasks tasks,
            IncidentsForSystem incidents,
            ApplicationEventPublisher events) {
        this.runs = runs;
        this.playbooks = playbooks;
        this.tasks = tasks;
        this.incidents = incidents;
        this.events = events;
    }

    @EventListener
    void on(IncidentChanged change) {
        if (!PlaybookStep.PHASES.contains(change.status())) {
            return;
        }
        if (!runs.exists(change.incident())) {
            if (change.status() == Status.ANALYSIS) {
                incidents.incident(change.incident()).ifPresent(incident -> start(incident, change));
            }
        } else if (change instanceof IncidentTransitioned transitioned) {
            tasks.startPhase(transitioned.incident(), transitioned.to(), transitioned.at());
        }
    }

    private void start(IncidentView incident, IncidentChanged change) {
        Optional<Playbook> chosen = playbookFor(incident.category(), incident.template());
        if (chosen.isEmpty() || !runs.start(incident.id(), chosen.get().id(), change.at())) {
            return;
        }
        Playbook playbook = chosen.get();
        Instant now = change.at();
        List<PlaybookStep> steps = new ArrayList<>(playbook.definition().steps());
        int position = 0;
        for (Status phase : PlaybookStep.PHASES) {
            for (PlaybookStep step : steps) {
                if (step.phase() != phase) {
                    continue;
                }
                position++;
                TaskView task = taskOf(playbook, step, position, incident, now);
                tasks.add(task);
                events.publishEvent(new TaskChanged(
                        task.id().value(),
                        incident.id(),
                        change.actor(),
                        now,
                        TaskChanged.Verb.CREATED,
                        Optional.empty(),
                        Optional.of(IncidentTasks.digest(task))));
            }
        }
        events.publishEvent(new PlaybookChanged(
                playbook.definition().key(),
                change.actor(),
                now,
                PlaybookChanged.Verb.STARTED,
                Optional.empty(),
                Optional.of(ContentDigest.of(incident.id() + "|" + playbook.id() + "|" + playbook.version())
                        .hex())));
    }

    /**
     * The open task of a playbook step, at the position given among the incident's tasks; due from now when its
     * phase has started, without a due time until then.
     */
    private static TaskView taskOf(
            Playbook playbook, PlaybookStep step, int position, IncidentView incident, Instant now) {
        Status phase = step.phase();
        boolean started = PlaybookStep.PHASES.indexOf(phase) <= PlaybookStep.PHASES.indexOf(incident.status());
        return new TaskView(
                TaskId.random(),
                incident.id(),
                playbook.id(),
                phase,
                position,
                step.title(),
                Objects.requireNonNullElse(step.description(), ""),
                Objects.requireNonNullElse(step.articles(), List.of()),
                step.mandatory(),
                teamOf(step, incident),
                step.due(),
                started ? now.plus(step.dueOffset().orElseThrow()) : null,
                IncidentTasks.PLAYBOOK_SHARES,
                TaskState.OPEN,
                null,
                null,
                null,
                now,
                "playbook " + playbook.definition().key(),
                0);
    }

    /**
     * The playbook an incident follows: one for its template and category first, then one for its exact RSIT type,
     * then one for its class.
     */
    private Optional<Playbook> playbookFor(Category category, @Nullable String template) {
        Playbook best = null;
        int bestScore = 0;
        for (Playbook candidate : playbooks.all()) {
            PlaybookDefinition definition = candidate.definition();
            if (candidate.retired()
                    || definition.template() != null && !definition.template().equals(template)) {
                continue;
            }
            for (CategoryMatch match : definition.categories()) {
                int score = (definition.template() != null ? 4 : 0) + (match.rsitType() != null ? 2 : 1);
                if (match.matches(category) && score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The step's own team if it still exists, otherwise the incident's team. */
    private static @Nullable TeamId teamOf(PlaybookStep step, IncidentView incident) {
        if (step.team() != null) {
            try {
                return TeamId.valueOf(step.team());
            } catch (IllegalArgumentException notAnId) {
                // a shipped step names its team by name; the incident's own team does it
            }
        }
        return incident.team();
    }
}
