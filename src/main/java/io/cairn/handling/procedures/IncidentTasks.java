package io.cairn.handling.procedures;

import io.cairn.handling.TaskChanged;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The tasks of an incident as its handlers work on them: the playbook it follows, tasks given to other teams, and a
 * task completed, skipped (optional ones only, with a reason) or reopened. Each change publishes a
 * {@link TaskChanged} for the audit trail. The caller has checked that the user may handle the incident
 * ({@link ProcedureAccess}).
 */
@Service
class IncidentTasks {

    /** The incident fields a team sees of a playbook task, which no handler chose: enough to know what it is about. */
    static final List<SharedField> PLAYBOOK_SHARES = List.of(SharedField.REFERENCE, SharedField.CATEGORY,
            SharedField.PRIORITY);

    private final Tasks tasks;
    private final Playbooks playbooks;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentTasks(Tasks tasks, Playbooks playbooks, IdentityManagement identity, ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
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
        return playbooks.runOf(incident.value()).flatMap(playbooks::byId).map(ShippedTexts::shown);
    }

    Optional<TaskView> task(UUID id) {
        return tasks.byId(id);
    }

    /** Gives a team a task for an incident, sharing only the fields chosen. */
    Outcome<TaskView> add(IncidentId incident, NewTask task) {
        if (task.title() == null || task.title().isBlank() || task.title().length() > 200) {
            return Outcome.refused(Refusal.invalid("title", "must be 1 to 200 characters"));
        }
        String description = Objects.requireNonNullElse(task.description(), "");
        if (description.length() > 5000) {
            return Outcome.refused(Refusal.invalid("description", "must be at most 5000 characters"));
        }
        if (task.team() == null || !identity.teamExists(task.team())) {
            return Outcome.refused(Refusal.invalid("team", "team " + task.team() + " does not exist"));
        }
        Instant now = clock.instant();
        if (task.dueAt() != null && task.dueAt().isBefore(now.minus(Duration.ofMinutes(5)))) {
            return Outcome.refused(Refusal.invalid("dueAt", "lies in the past"));
        }
        Actor actor = identity.requireActor();
        List<SharedField> shared = Objects.requireNonNullElse(task.shared(), List.of());
        TaskView created = new TaskView(UUID.randomUUID(), incident, null, null, tasks.nextPosition(incident) + 1000,
                task.title().trim(), description, List.of(), Boolean.TRUE.equals(task.mandatory()),
                task.team(), null, task.dueAt(), shared, TaskState.OPEN, null, null, null, now, actor.username(), 0);
        tasks.add(created);
        TaskView stored = tasks.byId(created.id()).orElseThrow();
        events.publishEvent(new TaskChanged(stored.id(), incident, actor.ref(), now, TaskChanged.Verb.CREATED,
                Optional.empty(), Optional.of(digest(stored))));
        return Outcome.done(stored);
    }

    /** Completes an open task with a note. */
    Outcome<TaskView> complete(TaskView task, @Nullable String note, long version) {
        if (note != null && note.length() > 5000) {
            return Outcome.refused(Refusal.invalid("note", "must be at most 5000 characters"));
        }
        if (!task.isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is not open"));
        }
        return close(task, TaskState.DONE, note == null || note.isBlank() ? null : note.trim(), version,
                TaskChanged.Verb.COMPLETED);
    }

    /** Skips an open optional task with a reason. */
    Outcome<TaskView> skip(TaskView task, @Nullable String reason, long version) {
        if (task.mandatory()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is mandatory and cannot be skipped"));
        }
        if (reason == null || reason.isBlank()) {
            return Outcome.refused(Refusal.invalid("reason", "skipping a step needs a reason"));
        }
        if (!task.isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is not open"));
        }
        return close(task, TaskState.SKIPPED, reason.trim(), version, TaskChanged.Verb.SKIPPED);
    }

    /** Opens a done or skipped task again. */
    Outcome<TaskView> reopen(TaskView task, long version) {
        if (task.isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is open already"));
        }
        return close(task, TaskState.OPEN, null, version, TaskChanged.Verb.REOPENED);
    }

    private Outcome<TaskView> close(TaskView task, TaskState state, @Nullable String note, long version,
            TaskChanged.Verb verb) {
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        boolean open = state == TaskState.OPEN;
        if (!tasks.close(task.id(), state, note, open ? null : actor.username(), open ? null : now, version)) {
            return Outcome.refused(Refusal.stale(version, task.version()));
        }
        TaskView after = tasks.byId(task.id()).orElseThrow();
        events.publishEvent(new TaskChanged(task.id(), task.incident(), actor.ref(), now, verb,
                Optional.of(digest(task)), Optional.of(digest(after))));
        return Outcome.done(after);
    }

    /** The digest of a task the audit trail records. */
    static String digest(TaskView task) {
        return ContentDigest.of(task.id() + "|" + task.title() + "|" + task.description() + "|" + task.team() + "|"
                + task.mandatory() + "|" + task.dueAt() + "|" + task.sharedFields() + "|" + task.state() + "|"
                + task.note() + "|" + task.closedBy() + "|" + task.closedAt()).hex();
    }
}
