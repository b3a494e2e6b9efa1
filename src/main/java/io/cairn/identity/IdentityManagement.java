package io.cairn.identity;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The identity module's entry point: who is acting, users, teams, business units, API tokens and sign-in throttling.
 * It hands each request to the service of its use case, where the rules are:
 *
 * <ul>
 *   <li>{@link IdentityAccess}: who is acting, and the access rules of the module. Managing users, teams and business
 *       units needs the admin role; admins, handlers and coordinators (who assign work to people) read the users and
 *       the members of teams; staff look up a user by login name; every signed-in user sees the names of teams and
 *       business units.
 *   <li>{@link BearerTokens} and {@link PersonalTokens}: API requests authenticate with a personal token, which only
 *       its user issues, lists and revokes.
 *   <li>{@link OwnAccount}: the signed-in user reads their account, replaces their password, chooses their language.
 *   <li>{@link SignInThrottle}: failed sign-ins and wrong codes slow down, then refuse, further attempts.
 *   <li>{@link UserRegistration}, {@link UserAdministration} and {@link UserDirectory}: users are registered and
 *       changed by admins, and found by those who may.
 *   <li>{@link TeamAdministration} and {@link BusinessUnitAdministration}: teams and business units.
 * </ul>
 * Every change publishes an {@link IdentityChanged} the audit trail records in the same transaction. Only what is used
 * outside the module is public; the module's own pages and API call the rest. Other modules' schedulers and reactions
 * read users without a signed-in user through {@link io.cairn.identity.system.UsersForSystem}.
 */
@Service
public class IdentityManagement {

    /** The team a new instance starts with, for its handlers; see {@link SecurityTeamFormed}. */
    static final String SECURITY_TEAM = ShippedTeam.NAME;

    private final IdentityAccess access;
    private final BearerTokens bearerTokens;
    private final PersonalTokens personalTokens;
    private final OwnAccount ownAccount;
    private final SignInThrottle throttle;
    private final UserRegistration registration;
    private final UserAdministration userAdministration;
    private final UserDirectory directory;
    private final TeamAdministration teams;
    private final BusinessUnitAdministration businessUnits;

    IdentityManagement(
            IdentityAccess access,
            BearerTokens bearerTokens,
            PersonalTokens personalTokens,
            OwnAccount ownAccount,
            SignInThrottle throttle,
            UserRegistration registration,
            UserAdministration userAdministration,
            UserDirectory directory,
            TeamAdministration teams,
            BusinessUnitAdministration businessUnits) {
        this.access = access;
        this.bearerTokens = bearerTokens;
        this.personalTokens = personalTokens;
        this.ownAccount = ownAccount;
        this.throttle = throttle;
        this.registration = registration;
        this.userAdministration = userAdministration;
        this.directory = directory;
        this.teams = teams;
        this.businessUnits = businessUnits;
    }

    // --- who is acting -------------------------------------------------------------------------------------------

    /** The signed-in user of the current request, if any; see {@link IdentityAccess#currentActor}. */
    public Optional<Actor> currentActor() {
        return access.currentActor();
    }

    /**
     * True when the current request authenticated with a personal API token rather than a session: only then may it
     * go without a CSRF token, since a browser never adds a token to a request another site makes it send.
     */
    public boolean actingByToken() {
        return IdentityAccess.actingByToken();
    }

    /** The signed-in user of the current request; only for code that runs behind authentication. */
    public Actor requireActor() {
        return access.requireActor();
    }

    /**
     * The signed-in user when they hold one of the roles, else why they may not {@code what}: a refusal that names
     * the roles ("coordinator, privacy officer or admin"), for modules that guard their own commands.
     */
    public Outcome<Actor> requireAnyRole(String what, Role... roles) {
        Actor actor = requireActor();
        if (actor.hasAny(roles)) {
            return Outcome.done(actor);
        }
        List<String> names = java.util.Arrays.stream(roles)
                .map(role -> role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .toList();
        String spoken = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, spoken, what));
    }

    /** True when the signed-in user still has to replace a one-time password. */
    public boolean mustChangePassword() {
        return IdentityAccess.currentPrincipal()
                .map(ActorPrincipal::mustChangePassword)
                .orElse(false);
    }

    // --- API tokens ----------------------------------------------------------------------------------------------

    /** The authentication for a bearer token, when it is known, active and its user may sign in. */
    public Optional<Authentication> authenticateBearer(String token) {
        return bearerTokens.authenticate(token);
    }

    /** Issues a personal API token to the signed-in user; the secret is in the result and nowhere else. */
    Outcome<IssuedToken> issueToken(String name, @Nullable Instant expiresAt) {
        return personalTokens.issue(name, expiresAt);
    }

    /** The signed-in user's tokens, newest first. */
    List<TokenView> myTokens() {
        return personalTokens.mine();
    }

    /** Revokes one of the signed-in user's tokens; another user's token is as good as absent. */
    Outcome<TokenView> revokeToken(UUID tokenId) {
        return personalTokens.revoke(tokenId);
    }

    // --- the signed-in user's own account --------------------------------------------------------------------------

    /** Replaces the signed-in user's password after checking the current one. */
    Outcome<UserView> changeOwnPassword(String currentPassword, String newPassword) {
        return ownAccount.changePassword(currentPassword, newPassword);
    }

    /** The signed-in user's own account. */
    public UserView myAccount() {
        return ownAccount.read();
    }

    /** The signed-in user reads Cairn in this language from now on ({@code en} or {@code nl}). */
    public Outcome<UserView> chooseLanguage(String language) {
        return ownAccount.chooseLanguage(language);
    }

    // --- sign-in and codes -----------------------------------------------------------------------------------------

    /** Whether a sign-in for this login name from this address may be tried now. */
    public SignInVerdict signInVerdict(String username, String address) {
        return throttle.verdict(username, address);
    }

    /** Counts a failed sign-in against the login name and the address. */
    public void signInFailed(String username, String address) {
        throttle.failed(username, address);
    }

    /** Clears the failures counted against the login name. */
    public void signInSucceeded(String username) {
        throttle.succeeded(username);
    }

    /**
     * Whether a code (such as an anonymous reporter's follow-up code) may be tried from this address now: a code is
     * a credential, and guessing is slowed down and then refused just like guessing passwords.
     */
    public SignInVerdict codeAttemptVerdict(String address) {
        return throttle.codeVerdict("code", address);
    }

    /** Counts a wrong code against the address. */
    public void codeAttemptFailed(String address) {
        throttle.codeFailed("code", address);
    }

    // --- users ---------------------------------------------------------------------------------------------------

    /** Creates a user (admin only). Without an initial password, a one-time password is made and returned once. */
    Outcome<CreatedUser> createUser(NewUser command) {
        return registration.create(command);
    }

    /** Creates the first admin on an empty instance; does nothing when any user exists. */
    Optional<CreatedUser> registerFirstAdmin(@Nullable String password) {
        return registration.registerFirstAdmin(password);
    }

    /** Changes a user's name, address, roles, teams, business unit and whether they may sign in (admin only). */
    Outcome<UserView> changeUser(UserId id, UserChange change) {
        return userAdministration.change(id, change);
    }

    /** Sets a new one-time password for a user, returned once; they must replace it at sign-in (admin only). */
    Outcome<String> resetPassword(UserId id) {
        return userAdministration.resetPassword(id);
    }

    /** All users by login name; for admins, handlers and coordinators (who assign work to people). */
    public Outcome<List<UserView>> users() {
        return directory.all();
    }

    /** One user, for admins, handlers and coordinators, or the user themselves. */
    public Outcome<UserView> user(UserId id) {
        return directory.one(id);
    }

    /** The display names of the given users, for showing who owns or reported something. */
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        return directory.displayNames(ids);
    }

    /** True when the user exists. */
    public boolean userExists(UserId id) {
        return directory.exists(id);
    }

    /**
     * The user with this login name, if the signed-in user may look them up: staff (admins, handlers, coordinators,
     * privacy officers and auditors) anyone, everyone else only themselves; empty without a signed-in user.
     */
    public Optional<UserView> findUserByUsername(String username) {
        return directory.byUsername(username);
    }

    // --- teams ---------------------------------------------------------------------------------------------------

    /** Forms a team (admin only). */
    Outcome<TeamView> createTeam(TeamDefinition definition) {
        return teams.create(definition);
    }

    /** Changes a team (admin only); {@code version} must be the stored one. */
    Outcome<TeamView> changeTeam(TeamId id, TeamDefinition definition, long version) {
        return teams.change(id, definition, version);
    }

    /**
     * All teams by name; every signed-in user may see team names. The shipped team's description is in the reader's
     * language (see {@link ShippedTeam}).
     */
    public List<TeamView> teams() {
        return teams.all();
    }

    /** One team. */
    public Optional<TeamView> team(TeamId id) {
        return teams.one(id);
    }

    /** Whether the team exists, for checks on hot paths such as reporting; see {@link TeamAdministration#exists}. */
    public boolean teamExists(TeamId id) {
        return teams.exists(id);
    }

    /** The members of a team, by login name; for admins, handlers and coordinators (who assign work to people). */
    Outcome<List<UserView>> members(TeamId id) {
        return teams.members(id);
    }

    /** Names of teams by id, for display. */
    public Map<TeamId, String> teamNames() {
        return teams.names();
    }

    // --- business units ------------------------------------------------------------------------------------------

    /** Establishes a business unit (admin only). */
    public Outcome<BusinessUnitView> createBusinessUnit(BusinessUnitDefinition definition) {
        return businessUnits.create(definition);
    }

    /** Renames a business unit (admin only); {@code version} must be the stored one. */
    Outcome<BusinessUnitView> changeBusinessUnit(BusinessUnitId id, BusinessUnitDefinition definition, long version) {
        return businessUnits.change(id, definition, version);
    }

    /** All business units by name; every signed-in user may see their names. */
    public List<BusinessUnitView> businessUnits() {
        return businessUnits.all();
    }

    /** One business unit. */
    Optional<BusinessUnitView> businessUnit(BusinessUnitId id) {
        return businessUnits.one(id);
    }

    /** Whether the business unit exists; cheaper than loading it. */
    public boolean businessUnitExists(BusinessUnitId id) {
        return businessUnits.exists(id);
    }

    /** Names of business units by id, for display. */
    public Map<BusinessUnitId, String> businessUnitNames() {
        return businessUnits.names();
    }
}
