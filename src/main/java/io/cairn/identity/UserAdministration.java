package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins change users and reset their passwords; an admin cannot take away their own admin role nor disable
 * themselves, so that an instance always keeps one.
 */
@Component
class UserAdministration {

    private final IdentityAccess access;
    private final Users users;
    private final PlacementChecks placement;
    private final PasswordEncoder passwords;
    private final IdentityChanges changes;

    UserAdministration(
            IdentityAccess access,
            Users users,
            PlacementChecks placement,
            PasswordEncoder passwords,
            IdentityChanges changes) {
        this.access = access;
        this.users = users;
        this.placement = placement;
        this.passwords = passwords;
        this.changes = changes;
    }

    /** Changes a user's name, address, roles, teams, business unit and whether they may sign in (admin only). */
    @Transactional
    Outcome<UserView> change(UserId id, UserChange change) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "change users")
                .or(() -> placement.unknownTeams(change.teams()))
                .or(() -> placement.unknownBusinessUnit(change.businessUnit()));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<User> found = users.findById(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("user " + id));
        }
        User user = found.get();
        if (user.version() != change.version()) {
            return Outcome.refused(Refusal.stale(change.version(), user.version()));
        }
        Actor actor = access.requireActor();
        if (user.id().equals(actor.id())
                && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
            return Outcome.refused(Refusal.conflict("roles", IdentityRefusals.OWN_ADMIN_ROLE));
        }
        String before = user.snapshot();
        apply(user, change);
        users.save(user);
        changes.publish(actor.ref(), Change.USER_CHANGED, id.toString(), before, user.snapshot());
        return Outcome.done(user.view());
    }

    private static void apply(User user, UserChange change) {
        user.describe(change.displayName().trim(), IdentityChanges.blankToNull(change.email()));
        user.grantExactly(change.roles());
        user.placeInTeams(change.teams());
        user.placeInBusinessUnit(change.businessUnit());
        if (change.language() != null) {
            user.speak(change.language());
        }
        if (change.enabled()) {
            user.enable();
        } else {
            user.disable();
        }
    }

    /** Sets a new one-time password for a user, returned once; they must replace it at sign-in (admin only). */
    @Transactional
    Outcome<String> resetPassword(UserId id) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "reset passwords");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return users.findById(id.value())
                .<Outcome<String>>map(user -> {
                    String before = user.snapshot();
                    String oneTimePassword = Secrets.newOneTimePassword();
                    user.resetPassword(passwords.encode(oneTimePassword));
                    users.save(user);
                    changes.publish(
                            access.requireActor().ref(),
                            Change.USER_PASSWORD_RESET,
                            id.toString(),
                            before,
                            user.snapshot());
                    return Outcome.done(oneTimePassword);
                })
                .orElseGet(() -> Outcome.refused(Refusal.notFound("user " + id)));
    }
}
