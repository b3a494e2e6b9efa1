package io.cairn.compliance;

import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentView;
import java.util.Set;

/**
 * Who reads a list of deadlines, and which incidents' deadlines they see: the incidents module's rule for who sees an
 * incident, for the roles that read deadlines (a coordinator sees every incident; a privacy officer the ones that are
 * not confidential, and a confidential one they own or reported, or handle in its team). The list reads incidents in
 * batches as the system does, and the calendar feed has no signed-in user, so the rule is applied here.
 */
record DeadlineReader(UserId id, Set<Role> roles, Set<TeamId> teams) {

    DeadlineReader {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    /** Whether the reader may read deadlines at all. */
    boolean readsDeadlines() {
        return roles.contains(Role.COORDINATOR) || roles.contains(Role.PRIVACY_OFFICER);
    }

    /** Whether the reader sees every incident, so that nothing needs to be left out. */
    boolean seesAll() {
        return roles.contains(Role.COORDINATOR) || roles.contains(Role.AUDITOR);
    }

    boolean sees(IncidentView incident) {
        if (id.equals(incident.reporter())) {
            return true;
        }
        if (!incident.confidential() || seesAll()) {
            return readsDeadlines() || roles.contains(Role.HANDLER);
        }
        return id.equals(incident.owner())
                || roles.contains(Role.HANDLER) && incident.team() != null && teams.contains(incident.team());
    }
}
