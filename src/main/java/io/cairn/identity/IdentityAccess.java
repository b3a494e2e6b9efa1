package io.cairn.identity;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting, and what they may do in the identity module. Admins manage users, teams and business units; admins,
 * handlers and coordinators (who assign work to people) read the users and the members of teams; staff (these and
 * privacy officers and auditors) look up a user by login name, as everyone may themselves; every signed-in user sees
 * the names of teams and business units.
 */
@Component
class IdentityAccess {

    /** Those who assign work to people, and so read the users and the members of teams. */
    private static final Role[] USER_READERS = {Role.ADMIN, Role.HANDLER, Role.COORDINATOR};

    /** Staff, who find the people named in settings, reviews and imports by their login names. */
    private static final Role[] USER_FINDERS = {
        Role.ADMIN, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR
    };

    private final Users users;
    private final IdentityGeneration generation;
    private final Clock clock;

    IdentityAccess(Users users, IdentityGeneration generation, Clock clock) {
        this.users = users;
        this.generation = generation;
        this.clock = clock;
    }

    /**
     * The signed-in user of the current request, if any. A session reads its user again after any identity change on
     * this node, so that a user disabled, demoted or given a one-time password is so from their next request on, and
     * every {@code cairn.session.user-refresh} for changes on other nodes; a user disabled or removed since signing
     * in is no longer acting.
     */
    Optional<Actor> currentActor() {
        return currentPrincipal().flatMap(principal -> {
            Instant now = clock.instant();
            long changes = generation.current();
            if (generation.stale(principal.generation(), principal.loadedAt(), now)) {
                Optional<User> user = users.findById(principal.actor().id().value());
                principal.refresh(
                        user.map(User::actor).orElse(principal.actor()),
                        user.map(User::mustChangePassword).orElse(false),
                        user.map(User::enabled).orElse(false),
                        now,
                        changes);
            }
            return principal.isEnabled() ? Optional.of(principal.actor()) : Optional.empty();
        });
    }

    /** The signed-in user of the current request; only for code that runs behind authentication. */
    Actor requireActor() {
        return currentActor().orElseThrow(() -> new IllegalStateException("no signed-in user in this request"));
    }

    /** True when the current request authenticated with a personal API token rather than a session. */
    static boolean actingByToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof BearerAuthentication;
    }

    /** The principal of the current request, if it signed in. */
    static Optional<ActorPrincipal> currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** Why the signed-in user may not do this without the role; empty when they hold it. */
    Optional<Refusal> requireRole(Role role, String what) {
        return requireAnyRole(what, role);
    }

    /** Why the signed-in user may not do this without one of the roles; empty when they hold one. */
    Optional<Refusal> requireAnyRole(String what, Role... roles) {
        Optional<Actor> actor = currentActor();
        if (actor.isPresent() && actor.get().hasAny(roles)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.forbidden(
                SharedRefusals.NEEDS_ROLE,
                Arrays.stream(roles).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or ")),
                what));
    }

    /** Why the signed-in user may not read the users and the members of teams. */
    Optional<Refusal> readUsersRefusal(String what) {
        return requireAnyRole(what, USER_READERS);
    }

    /** Whether the signed-in user may see this user: staff look up anyone, everyone else only themselves. */
    boolean mayLookUp(UserView user) {
        return currentActor()
                .filter(actor -> actor.id().equals(user.id()) || actor.hasAny(USER_FINDERS))
                .isPresent();
    }

    /** Whether the actor may read any user, not only themselves. */
    static boolean readsUsers(Actor actor) {
        return actor.hasAny(USER_READERS);
    }
}
