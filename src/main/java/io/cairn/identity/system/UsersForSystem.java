package io.cairn.identity.system;

import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.WithoutAccessChecks;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users read without a signed-in user and without checking rights, in one query per call: only for other modules'
 * schedulers and reactions that decide whom to notify or give work to (SLA warnings, breaches, escalations, routing
 * rules, the conversation with a reporter), never to show to a user.
 */
@WithoutAccessChecks
public interface UsersForSystem {

    /** The enabled users who hold a role, by login name. */
    List<UserView> usersWithRole(Role role);

    /** The users with these ids, by login name; ids of users that do not exist are left out. */
    List<UserView> users(Collection<UserId> ids);

    /** The members of a team, by login name; none for a team that does not exist. */
    List<UserView> members(TeamId team);

    /** The user with this login name, if any. */
    Optional<UserView> userNamed(String username);

    /**
     * The enabled user whose e-mail address this is (case does not matter), when exactly one user has it: an address
     * that two accounts share names neither of them (the mail intake's known reporters).
     */
    Optional<UserView> userWithEmail(String email);
}
