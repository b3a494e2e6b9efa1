package io.cairn.identity.system;

import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.WithoutAccessChecks;
import java.util.Collection;
import java.util.List;

/**
 * Users read without a signed-in user and without checking rights, in one query per call: only for other modules'
 * schedulers and reactions that decide whom to notify (SLA warnings, breaches, escalations, the conversation with a
 * reporter), never to show to a user.
 */
@WithoutAccessChecks
public interface UsersForSystem {

    /** The enabled users who hold a role, by login name. */
    List<UserView> usersWithRole(Role role);

    /** The users with these ids, by login name; ids of users that do not exist are left out. */
    List<UserView> users(Collection<UserId> ids);
}
