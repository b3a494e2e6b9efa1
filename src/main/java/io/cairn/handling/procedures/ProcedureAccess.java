package io.cairn.handling.procedures;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may do what with playbooks and tasks. Admins, handlers and coordinators read playbooks; admins edit them.
 * Handlers and coordinators work on the tasks of the incidents they may see. A task's team (its resolvers, handlers
 * and coordinators) sees and completes its own tasks and nothing else of the incident; anyone else is told that the
 * task does not exist.
 */
@Component
class ProcedureAccess {

    private final IdentityManagement identity;
    private final IncidentManagement incidents;

    ProcedureAccess(IdentityManagement identity, IncidentManagement incidents) {
        this.identity = identity;
        this.incidents = incidents;
    }

    /** Why the signed-in user may not read playbooks, if they may not. */
    Optional<Refusal> refusePlaybookReader() {
        return requireAny("read playbooks", Role.ADMIN, Role.HANDLER, Role.COORDINATOR);
    }

    /** Why the signed-in user may not do {@code what} to playbooks (such as "add playbooks"): only admins may. */
    Optional<Refusal> refusePlaybookEditor(String what) {
        return requireAny(what, Role.ADMIN);
    }

    /** Why the signed-in user may not list the tasks of their teams, if they may not. */
    Optional<Refusal> refuseTeamTaskReader() {
        return identity.requireActor().hasAny(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "resolver or handler", "see tasks"));
    }

    /** The incident, if the signed-in user may handle it (handler or coordinator who may see it). */
    Outcome<IncidentView> handled(IncidentId id) {
        Actor actor = identity.requireActor();
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        return incidents
                .incident(id)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("incident " + id)));
    }

    /** Whether the signed-in user may handle the incident. */
    boolean handles(IncidentId id) {
        return handled(id) instanceof Outcome.Done<IncidentView>;
    }

    /** Whether the signed-in user may see the task as a member of its team. */
    boolean isTeamTask(TaskView task) {
        Actor actor = identity.requireActor();
        return task.team() != null
                && actor.isMemberOf(task.team())
                && actor.hasAny(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR);
    }

    private Optional<Refusal> requireAny(String what, Role... roles) {
        if (identity.requireActor().hasAny(roles)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.forbidden(
                SharedRefusals.NEEDS_ROLE,
                Arrays.stream(roles)
                        .map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .collect(Collectors.joining(" or ")),
                what));
    }
}
