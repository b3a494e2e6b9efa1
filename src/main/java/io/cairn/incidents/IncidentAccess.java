package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may see and change an incident.
 *
 * <ul>
 *   <li>A reporter sees the incidents they reported, and may add notes to them.
 *   <li>Handlers, coordinators, privacy officers and auditors see every incident that is not confidential.
 *   <li>A confidential incident is seen only by its owner, its team's handlers, coordinators and auditors.
 *   <li>Handlers and coordinators change what they see; auditors only read.
 * </ul>
 */
final class IncidentAccess {

    private static final Role[] STAFF = {Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR};

    private IncidentAccess() {}

    static boolean maySee(Actor actor, Incident incident) {
        if (incident.reportedBy(actor.id())) {
            return true;
        }
        if (!actor.hasAny(STAFF)) {
            return false;
        }
        if (!incident.confidential()) {
            return true;
        }
        return seesEvery(actor)
                || incident.owner().filter(actor.id()::equals).isPresent()
                || actor.has(Role.HANDLER)
                        && incident.team().filter(actor::isMemberOf).isPresent();
    }

    /** Whether the user sees every incident, confidential ones too. */
    static boolean seesEvery(Actor actor) {
        return actor.hasAny(Role.COORDINATOR, Role.AUDITOR);
    }

    /** Whether the user sees incidents others reported, and so has a list of incidents rather than only their own. */
    static boolean seesOthersIncidents(Actor actor) {
        return actor.hasAny(STAFF);
    }

    /**
     * Whether the user reads the incident in full, its observables included: staff who see it, not a reporter who
     * sees only their own reports (they read the reporter's view), nor another team that sees only its task.
     */
    static boolean mayReadInFull(Actor actor, Incident incident) {
        return seesOthersIncidents(actor) && maySee(actor, incident);
    }

    static boolean mayHandle(Actor actor, Incident incident) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR) && maySee(actor, incident);
    }

    static boolean mayAddNote(Actor actor, Incident incident) {
        return maySee(actor, incident)
                && (mayHandle(actor, incident) || incident.reportedBy(actor.id()) || actor.has(Role.PRIVACY_OFFICER));
    }

    static boolean mayReport(Actor actor) {
        return actor.hasAny(Role.REPORTER, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER);
    }

    /** Whether the reporter may also choose owner and team when reporting. */
    static boolean mayAssign(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR);
    }

    /**
     * The same rule as {@link #maySee} as an SQL condition on table alias {@code i}, with its parameters appended to
     * {@code parameters}. Built per actor, so that the database plans each case on its own.
     */
    static String visibleCondition(Actor actor, List<Object> parameters) {
        if (seesEvery(actor)) {
            return "true";
        }
        List<String> anyOf = new ArrayList<>();
        anyOf.add("i.reporter_id = ?");
        parameters.add(actor.id().value());
        if (actor.hasAny(STAFF)) {
            anyOf.add("not i.confidential");
            anyOf.add("i.owner_id = ?");
            parameters.add(actor.id().value());
            if (actor.has(Role.HANDLER) && !actor.teams().isEmpty()) {
                anyOf.add("i.team_id = any(?)");
                parameters.add(actor.teams().stream().map(t -> t.value()).toArray(java.util.UUID[]::new));
            }
        }
        return "(" + String.join(" or ", anyOf) + ")";
    }
}
