package io.cairn.identity;

import io.cairn.shared.ActorRef;
import java.util.Arrays;
import java.util.Set;

/**
 * The signed-in user on whose behalf a request runs, with the roles and teams that decide what they may do.
 *
 * @param id the user
 * @param username the login name
 * @param displayName the name shown to people
 * @param roles the roles held
 * @param teams the teams the user belongs to
 */
public record Actor(UserId id, String username, String displayName, Set<Role> roles, Set<TeamId> teams) {

    public Actor {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the user holds at least one of the roles. */
    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isMemberOf(TeamId team) {
        return teams.contains(team);
    }

    /** How events and the audit trail name this user. */
    public ActorRef ref() {
        return new ActorRef(id.toString(), username);
    }
}
