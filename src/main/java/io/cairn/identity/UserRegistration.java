package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Registering users: by an admin, or the first admin of an empty instance together with the security team it starts
 * with. A user registered without a password gets a one-time password, returned once.
 */
@Component
class UserRegistration {

    private final IdentityAccess access;
    private final Users users;
    private final Teams teams;
    private final PlacementChecks placement;
    private final PasswordEncoder passwords;
    private final IdentityChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserRegistration(
            IdentityAccess access,
            Users users,
            Teams teams,
            PlacementChecks placement,
            PasswordEncoder passwords,
            IdentityChanges changes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.users = users;
        this.teams = teams;
        this.placement = placement;
        this.passwords = passwords;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a user (admin only). Without an initial password, a one-time password is made and returned once. */
    @Transactional
    Outcome<CreatedUser> create(NewUser command) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "create users")
                .or(() -> placement.unknownTeams(command.teams()))
                .or(() -> placement.unknownBusinessUnit(command.businessUnit()))
                .or(() -> command.initialPassword() == null
                        ? Optional.empty()
                        : PasswordRules.check("initialPassword", command.initialPassword(), command.username()));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return register(command, access.requireActor().ref());
    }

    /** Creates the first admin on an empty instance; does nothing when any user exists. */
    @Transactional
    Optional<CreatedUser> registerFirstAdmin(@Nullable String password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        Set<Role> roles =
                Set.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.REPORTER);
        NewUser admin = new NewUser("admin", "Administrator", null, roles, Set.of(), null, password, null);
        Outcome<CreatedUser> outcome = register(admin, ActorRef.SYSTEM);
        formSecurityTeam();
        return outcome instanceof Outcome.Done<CreatedUser> done ? Optional.of(done.value()) : Optional.empty();
    }

    private void formSecurityTeam() {
        if (teams.findByName(ShippedTeam.NAME).isPresent()) {
            return;
        }
        Team team = Team.form(ShippedTeam.NAME, ShippedTeam.DESCRIPTION, null);
        teams.save(team);
        TeamId id = team.view().id();
        changes.publish(ActorRef.SYSTEM, Change.TEAM_CREATED, id.toString(), null, team.snapshot());
        events.publishEvent(new SecurityTeamFormed(id, ShippedTeam.NAME, clock.instant()));
    }

    private Outcome<CreatedUser> register(NewUser command, ActorRef by) {
        if (users.findByUsername(command.username()).isPresent()) {
            return Outcome.refused(Refusal.conflict("username", SharedRefusals.ALREADY_TAKEN));
        }
        String oneTimePassword = command.initialPassword() == null ? Secrets.newOneTimePassword() : null;
        String password = oneTimePassword != null ? oneTimePassword : command.initialPassword();
        User user = User.register(
                command.username(),
                command.displayName().trim(),
                IdentityChanges.blankToNull(command.email()),
                Objects.requireNonNull(passwords.encode(password)),
                command.roles(),
                command.teams(),
                command.businessUnit(),
                clock.instant());
        if (command.language() != null) {
            user.speak(command.language());
        }
        if (!insert(user)) {
            return Outcome.refused(Refusal.conflict("username", SharedRefusals.ALREADY_TAKEN));
        }
        changes.publish(by, Change.USER_CREATED, user.id().toString(), null, user.snapshot());
        return Outcome.done(new CreatedUser(user.view(), oneTimePassword));
    }

    /**
     * Stores a new user; false when another took the name first. Another node or request may take the name between
     * the check and the insert (two nodes starting on a new database both register the first admin): behind a
     * savepoint, losing that race is a refusal, not a transaction that can no longer commit.
     */
    private boolean insert(User user) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object beforeInsert = transaction.createSavepoint();
        try {
            users.save(user);
        } catch (DuplicateKeyException race) {
            transaction.rollbackToSavepoint(beforeInsert);
            return false;
        }
        transaction.releaseSavepoint(beforeInsert);
        return true;
    }
}
