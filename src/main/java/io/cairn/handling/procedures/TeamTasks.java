package io.cairn.handling.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tasks of a team as its members see them: each task with the live values of only the incident fields a handler
 * chose to share, never the incident itself. The caller has checked that the user is in the task's team
 * ({@link ProcedureAccess}); that is why it reads the incident without access checks.
 */
@Service
class TeamTasks {

    private static final int MAX_TASKS_LISTED = 500;

    private final Tasks tasks;
    private final IncidentManagement incidents;
    private final IncidentsForSystem system;
    private final IdentityManagement identity;

    TeamTasks(Tasks tasks, IncidentManagement incidents, IncidentsForSystem system, IdentityManagement identity) {
        this.tasks = tasks;
        this.incidents = incidents;
        this.system = system;
        this.identity = identity;
    }

    /** The tasks of the signed-in user's teams, open ones first by due time. */
    List<SharedTask> mine() {
        Map<TeamId, String> names = identity.teamNames();
        return tasks.ofTeams(identity.requireActor().teams(), MAX_TASKS_LISTED).stream()
                .map(task -> shared(task, names))
                .toList();
    }

    /** One task as its team sees it. */
    SharedTask shared(TaskView task) {
        return shared(task, identity.teamNames());
    }

    /** The task as its team sees it, in the reader's language: the live values of the shared fields only. */
    private SharedTask shared(TaskView stored, Map<TeamId, String> teamNames) {
        TaskView task = ShippedTexts.shown(stored);
        Map<String, String> shared = new LinkedHashMap<>();
        Optional<IncidentView> incident =
                task.sharedFields().isEmpty() ? Optional.empty() : system.incident(task.incident());
        incident.ifPresent(view -> {
            for (SharedField field : task.sharedFields()) {
                shared.put(field.code(), valueOf(view, field));
            }
        });
        TeamId team = Objects.requireNonNull(task.team());
        return new SharedTask(
                task.id(),
                task.title(),
                task.description(),
                task.articles(),
                task.mandatory(),
                team,
                teamNames.getOrDefault(team, team.toString()),
                task.dueAt(),
                task.state(),
                task.note(),
                task.closedAt(),
                shared,
                task.version());
    }

    private String valueOf(IncidentView incident, SharedField field) {
        return switch (field) {
            case REFERENCE -> incident.reference();
            case TITLE -> incident.title();
            case CATEGORY -> incidents.categoryLabel(incident.category());
            case PRIORITY -> incident.priority();
            case SEVERITY -> incident.severity().code();
            case STATUS -> incident.status().code();
            case ASSET -> incident.asset() == null ? "" : String.valueOf(incident.asset());
            case TLP -> incident.tlp().label();
        };
    }
}
