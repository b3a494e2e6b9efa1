package io.cairn.handling.procedures;

import io.cairn.handling.TaskChanged;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The tasks of an incident as its handlers work on them: the playbook it follows, tasks given to other teams, and a
 * task completed, skipped (optional ones only, with a reason) or reopened by the verbs of {@link Task}, which check
 * their own rules. Each change publishes a {@link TaskChanged} for the audit trail. The caller has checked that the
 * user may handle the incident ({@link ProcedureAccess}).
 */
@Service
class IncidentTasks {

    /** The incident fields a team sees of a playbook task, which no handler chose: enough to know what it is about. */
    static final List<SharedField> PLAYBOOK_SHARES =
            List.of(SharedField.REFERENCE, SharedField.CATEGORY, SharedField.PRIORITY);

    private final Tasks tasks;
    private final PlaybookRuns runs;
    private final Playbooks playbooks;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentTasks(
            Tasks tasks,
            PlaybookRuns runs,
            Playbooks playbooks,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.runs = runs;
        this.playbooks = playbooks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** The tasks of an incident, in playbook order, in the reader's language. */
    List<TaskView> of(IncidentId incident) {
        return tasks.ofIncident(incident).stream().map(ShippedTexts::shown).toList();
    }

    Optional<Playbook> playbookOf(IncidentId incident) {
        return runs.playbookOf(incident).flatMap(playbooks::byId).map(ShippedTexts::shown);
    }

    Optional<TaskView> task(TaskId id) {
        return tasks.byId(id);
    }

    /** Gives a team a task for an incident, sharing only the fields chosen. */
    Outcome<TaskView> add(IncidentId incident, NewTask task) {
        Instant now = clock.instant();
        Optional<Refusal> refusal = refusalOf(task, now);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Actor actor = identity.requireActor();
        TaskView created = opened(incident, task, actor, now);
        tasks.add(created);
        TaskView stored = tasks.byId(created.id()).orElseThrow();
        events.publishEvent(new TaskChanged(
                stored.id().value(),
                incident,
                actor.ref(),
                now,
                TaskChanged.Verb.CREATED,
                Optional.empty(),
                Optional.of(digest(stored))));
        return Outcome.done(stored);
    }

    /** Why the new task may not be given: a title, description, team or due time it may not have. */
    private Optional<Refusal> refusalOf(NewTask task, Instant now) {
        if (task.title() == null || task.title().isBlank() || task.title().length() > 200) {
            return Optional.of(Refusal.invalid("title", ProcedureRefusals.TEXT_LENGTH));
        }
        String description = Objects.requireNonNullElse(task.description(), "");
        if (description.length() > 5000) {
            return Optional.of(Refusal.invalid("description", SharedRefusals.TOO_LONG, "5000"));
        }
        if (task.team() == null || !identity.teamExists(task.team())) {
            return Optional.of(
                    Refusal.invalid("team", SharedRefusals.TEAM_DOES_NOT_EXIST, String.valueOf(task.team())));
        }
        if (task.dueAt() != null && task.dueAt().isBefore(now.minus(Duration.ofMinutes(5)))) {
            return Optional.of(Refusal.invalid("dueAt", ProcedureRefusals.LIES_IN_THE_PAST));
        }
        return Optional.empty();
    }

    /** The open task a handler gives, after the incident's other tasks, as the actor creates it now. */
    private TaskView opened(IncidentId incident, NewTask task, Actor actor, Instant now) {
        return new TaskView(
                TaskId.random(),
                incident,
                null,
                null,
                tasks.nextPosition(incident) + 1000,
                task.title().trim(),
                Objects.requireNonNullElse(task.description(), ""),
                List.of(),
                Boolean.TRUE.equals(task.mandatory()),
                task.team(),
                null,
                task.dueAt(),
                Objects.requireNonNullElse(task.shared(), List.of()),
                TaskState.OPEN,
                null,
                null,
                null,
                now,
                actor.username(),
                0);
    }

    /** Completes an open task with a note. */
    Outcome<TaskView> complete(TaskView task, @Nullable String note, long version) {
        return change(task, version, TaskChanged.Verb.COMPLETED, (open, by, at) -> open.complete(note, by, at));
    }

    /** Skips an open optional task with a reason. */
    Outcome<TaskView> skip(TaskView task, @Nullable String reason, long version) {
        return change(task, version, TaskChanged.Verb.SKIPPED, (open, by, at) -> open.skip(reason, by, at));
    }

    /** Opens a done or skipped task again. */
    Outcome<TaskView> reopen(TaskView task, long version) {
        return change(task, version, TaskChanged.Verb.REOPENED, (closed, by, at) -> closed.reopen());
    }

    /** One of the verbs of a {@link Task}, done by someone at an instant. */
    private interface TaskVerb {
        Outcome<Task> apply(Task task, String by, Instant at);
    }

    /**
     * Loads the task, applies the verb and stores what it answers if the task is still at the version the caller
     * saw; the change is published for the audit trail.
     */
    private Outcome<TaskView> change(TaskView before, long version, TaskChanged.Verb what, TaskVerb verb) {
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        return verb.apply(Task.of(before), actor.username(), now).flatMap(changed -> {
            if (!tasks.store(changed, version)) {
                return Outcome.refused(Refusal.stale(version, before.version()));
            }
            TaskView after = tasks.byId(before.id()).orElseThrow();
            events.publishEvent(new TaskChanged(
                    before.id().value(),
                    before.incident(),
                    actor.ref(),
                    now,
                    what,
                    Optional.of(digest(before)),
                    Optional.of(digest(after))));
            return Outcome.done(after);
        });
    }

    /** The digest of a task the audit trail records. */
    static String digest(TaskView task) {
        return ContentDigest.of(task.id() + "|" + task.title() + "|" + task.description() + "|" + task.team() + "|"
                        + task.mandatory() + "|" + task.dueAt() + "|" + task.sharedFields() + "|" + task.state() + "|"
                        + task.note() + "|" + task.closedBy() + "|" + task.closedAt())
                .hex();
    }
}
