package io.cairn.identity;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding users: the list and one user for those who assign work to people (or the user themselves), a user by login
 * name for staff, display names for showing who did something, and a sender by e-mail address for mail intake.
 */
@Component
class UserDirectory {

    private final KnownIds<UserId> knownUsers = new KnownIds<>();

    private final IdentityAccess access;
    private final Users users;

    UserDirectory(IdentityAccess access, Users users) {
        this.access = access;
        this.users = users;
    }

    /** All users by login name; for admins, handlers and coordinators (who assign work to people). */
    @Transactional(readOnly = true)
    Outcome<List<UserView>> all() {
        Optional<Refusal> refusal = access.readUsersRefusal("list users");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return Outcome.done(users.findAllByName().stream().map(User::view).toList());
    }

    /** One user, for admins, handlers and coordinators, or the user themselves. */
    @Transactional(readOnly = true)
    Outcome<UserView> one(UserId id) {
        Actor actor = access.requireActor();
        if (!actor.id().equals(id) && !IdentityAccess.readsUsers(actor)) {
            return Outcome.refused(Refusal.notFound("user " + id));
        }
        return users.findById(id.value())
                .map(User::view)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("user " + id)));
    }

    /** The user with this login name, if the signed-in user may look them up (see {@link IdentityAccess}). */
    @Transactional(readOnly = true)
    Optional<UserView> byUsername(String username) {
        return users.findByUsername(username).map(User::view).filter(access::mayLookUp);
    }

    /** The display names of the given users, for showing who owns or reported something. */
    @Transactional(readOnly = true)
    Map<UserId, String> displayNames(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllById(ids.stream().map(UserId::value).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(User::id, user -> user.view().displayName()));
    }

    /** True when the user exists. */
    @Transactional(readOnly = true)
    boolean exists(UserId id) {
        return knownUsers.exists(id, user -> users.existsById(user.value()));
    }
}
