package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of procedures: playbooks whose steps become tasks of an incident when it enters analysis, and tasks
 * for other teams that show those teams only the incident fields a handler chose to share. It checks the rights
 * ({@link ProcedureAccess}) and hands each request to the service of its use case: {@link PlaybookEditing},
 * {@link IncidentTasks} (handlers) and {@link TeamTasks} (the task's team).
 *
 * <p>Admins edit playbooks; handlers and coordinators work on the tasks of incidents they may handle; a task's team
 * (resolvers, and handlers in it) sees and completes its own tasks and nothing else of the incident. Public for the
 * tests of other modules that give an incident a task.
 */
@Service
public class ProcedureManagement {

    private final ProcedureAccess access;
    private final PlaybookEditing playbooks;
    private final IncidentTasks incidentTasks;
    private final TeamTasks teamTasks;

    ProcedureManagement(
            ProcedureAccess access, PlaybookEditing playbooks, IncidentTasks incidentTasks, TeamTasks teamTasks) {
        this.access = access;
        this.playbooks = playbooks;
        this.incidentTasks = incidentTasks;
        this.teamTasks = teamTasks;
    }

    // --- playbooks -----------------------------------------------------------------------------------------------

    /** All playbooks, retired ones last; for admins, handlers and coordinators, in the reader's language. */
    @Transactional(readOnly = true)
    Outcome<List<Playbook>> playbooks() {
        return unless(access.refusePlaybookReader(), () -> Outcome.done(playbooks.all()));
    }

    @Transactional(readOnly = true)
    Outcome<Playbook> playbook(PlaybookId id) {
        return unless(access.refusePlaybookReader(), () -> playbooks.playbook(id));
    }

    /** Adds a playbook (admin only); every problem is refused before anything is stored. */
    @Transactional
    Outcome<Playbook> addPlaybook(PlaybookDefinition definition) {
        return unless(access.refusePlaybookEditor("add playbooks"), () -> playbooks.add(definition));
    }

    /** Replaces what a playbook says (admin only); incidents that already follow it keep their tasks. */
    @Transactional
    Outcome<Playbook> revisePlaybook(PlaybookId id, PlaybookDefinition definition, long version) {
        return unless(access.refusePlaybookEditor("change playbooks"), () -> playbooks.revise(id, definition, version));
    }

    /** Retires a playbook so that it starts on no more incidents, or restores it (admin only). */
    @Transactional
    Outcome<Playbook> retirePlaybook(PlaybookId id, boolean retired, long version) {
        return unless(access.refusePlaybookEditor("retire playbooks"), () -> playbooks.retire(id, retired, version));
    }

    // --- tasks of an incident, for its handlers -----------------------------------------------------------------

    /**
     * The tasks of an incident, in playbook order, for those who may handle it. Not read-only: reading a confidential
     * incident is audited.
     */
    @Transactional
    Outcome<List<TaskView>> tasksOf(IncidentId incident) {
        return access.handled(incident).map(view -> incidentTasks.of(incident));
    }

    /** The playbook an incident follows, if any, for those who may handle it. */
    @Transactional
    Optional<Playbook> playbookOf(IncidentId incident) {
        return access.handles(incident) ? incidentTasks.playbookOf(incident) : Optional.empty();
    }

    /** Gives a team a task for an incident, sharing only the fields chosen; for those who may handle it. */
    @Transactional
    public Outcome<TaskView> addTask(IncidentId incident, NewTask task) {
        Outcome<IncidentView> handled = access.handled(incident);
        if (handled instanceof Outcome.Refused<IncidentView> refused) {
            return Outcome.refused(refused.refusal());
        }
        return incidentTasks.add(incident, task);
    }

    /** Skips an optional task with a reason; for those who may handle its incident. */
    @Transactional
    Outcome<TaskView> skip(TaskId id, String reason, long version) {
        return handledTask(id, task -> incidentTasks.skip(task, reason, version));
    }

    /** Opens a done or skipped task again; for those who may handle its incident. */
    @Transactional
    Outcome<TaskView> reopen(TaskId id, long version) {
        return handledTask(id, task -> incidentTasks.reopen(task, version));
    }

    /**
     * Completes a task with a note: by a member of its team (resolver, handler or coordinator), or by those who may
     * handle its incident. Anyone else is told that it does not exist.
     */
    @Transactional
    Outcome<TaskView> complete(TaskId id, @Nullable String note, long version) {
        Optional<TaskView> found =
                incidentTasks.task(id).filter(task -> access.isTeamTask(task) || access.handles(task.incident()));
        return found.map(task -> incidentTasks.complete(task, note, version))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("task " + id)));
    }

    // --- tasks of a team ---------------------------------------------------------------------------------------

    /** The tasks of the signed-in user's teams, open ones first by due time; resolvers and handlers. */
    @Transactional(readOnly = true)
    Outcome<List<SharedTask>> myTasks() {
        return unless(access.refuseTeamTaskReader(), () -> Outcome.done(teamTasks.mine()));
    }

    /** One task of the signed-in user's teams, with only the shared incident fields. */
    @Transactional(readOnly = true)
    Outcome<SharedTask> sharedTask(TaskId id) {
        return incidentTasks
                .task(id)
                .filter(access::isTeamTask)
                .map(teamTasks::shared)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("task " + id)));
    }

    private Outcome<TaskView> handledTask(TaskId id, Function<TaskView, Outcome<TaskView>> change) {
        return incidentTasks
                .task(id)
                .filter(task -> access.handles(task.incident()))
                .map(change)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("task " + id)));
    }

    private static <T> Outcome<T> unless(Optional<Refusal> refusal, Supplier<Outcome<T>> action) {
        return refusal.<Outcome<T>>map(Outcome::refused).orElseGet(action);
    }
}
