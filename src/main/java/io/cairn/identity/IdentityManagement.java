package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's entry point: who is acting, users, teams, business units, API tokens and sign-in throttling.
 *
 * <p>Every command checks the acting user's roles; managing users, teams and business units needs the admin role.
 */
@Service
public class IdentityManagement {

    private final KnownIds<UserId> knownUsers = new KnownIds<>();
    private final KnownIds<TeamId> knownTeams = new KnownIds<>();
    private final KnownIds<BusinessUnitId> knownBusinessUnits = new KnownIds<>();

    private final Users users;
    private final Teams teams;
    private final BusinessUnits businessUnits;
    private final ApiTokens tokens;
    private final RecentTokens recentTokens;
    private final IdentityGeneration generation;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityManagement(Users users, Teams teams, BusinessUnits businessUnits, ApiTokens tokens,
            RecentTokens recentTokens, IdentityGeneration generation, SignInThrottle throttle,
            PasswordEncoder passwords, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.businessUnits = businessUnits;
        this.tokens = tokens;
        this.recentTokens = recentTokens;
        this.generation = generation;
        this.throttle = throttle;
        this.passwords = passwords;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- who is acting -------------------------------------------------------------------------------------------

    /**
     * The signed-in user of the current request, if any. A session reads its user again after any identity change on
     * this node, so that a user disabled, demoted or given a one-time password is so from their next request on, and
     * every {@code cairn.session.user-refresh} for changes on other nodes; a user disabled or removed since signing
     * in is no longer acting.
     */
    public Optional<Actor> currentActor() {
        return currentPrincipal().flatMap(principal -> {
            Instant now = clock.instant();
            long changes = generation.current();
            if (generation.stale(principal.generation(), principal.loadedAt(), now)) {
                Optional<User> user = users.findById(principal.actor().id().value());
                principal.refresh(user.map(User::actor).orElse(principal.actor()),
                        user.map(User::mustChangePassword).orElse(false), user.map(User::enabled).orElse(false),
                        now, changes);
            }
            return principal.isEnabled() ? Optional.of(principal.actor()) : Optional.empty();
        });
    }

    /**
     * True when the current request authenticated with a personal API token rather than a session: only then may it
     * go without a CSRF token, since a browser never adds a token to a request another site makes it send.
     */
    public boolean actingByToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof BearerAuthentication;
    }

    /** The signed-in user of the current request; only for code that runs behind authentication. */
    public Actor requireActor() {
        return currentActor().orElseThrow(() -> new IllegalStateException("no signed-in user in this request"));
    }

    /** True when the signed-in user still has to replace a one-time password. */
    public boolean mustChangePassword() {
        return currentPrincipal().map(ActorPrincipal::mustChangePassword).orElse(false);
    }

    private static Optional<ActorPrincipal> currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    // --- API tokens ----------------------------------------------------------------------------------------------

    /**
     * The authentication for a bearer token, when it is known, active and its user may sign in. Deliberately
     * without a transaction: it runs on every API request, and its one read (plus, once a minute per token, one
     * independent write) needs none; a transaction would cost a round trip and a commit each time.
     */
    public Optional<Authentication> authenticateBearer(String token) {
        if (!token.startsWith(Secrets.TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long changes = generation.current();
        byte[] digest = Secrets.tokenDigest(token);
        String key = java.util.HexFormat.of().formatHex(digest);
        return recentTokens.find(key, () -> lookUpToken(digest))
                .filter(row -> row.enabled() && row.revokedAt() == null
                        && (row.expiresAt() == null || row.expiresAt().isAfter(now)))
                .map(row -> {
                    if (row.lastUsedAt() == null || row.lastUsedAt().plusSeconds(60).isBefore(now)) {
                        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                                .param(java.sql.Timestamp.from(now)).param(row.id()).update();
                        recentTokens.used(key, row.usedAt(now));
                    }
                    return new BearerAuthentication(new ActorPrincipal(row.actor(), now, changes, false, true,
                            null));
                });
    }

    private Optional<RecentTokens.TokenLookup> lookUpToken(byte[] digest) {
        return jdbc.sql("""
                select t.id, t.expires_at, t.revoked_at, t.last_used_at,
                       u.id as user_id, u.username, u.display_name, u.enabled, u.must_change_password,
                       array(select r.role from user_role r where r.user_id = u.id) as roles,
                       array(select m.team_id from team_member m where m.user_id = u.id) as teams
                from api_token t join app_user u on u.id = t.user_id
                where t.digest = ?""")
                .param(digest)
                .query((row, n) -> new RecentTokens.TokenLookup(
                        row.getObject("id", UUID.class),
                        instant(row.getTimestamp("expires_at")),
                        instant(row.getTimestamp("revoked_at")),
                        instant(row.getTimestamp("last_used_at")),
                        new Actor(new UserId(row.getObject("user_id", UUID.class)), row.getString("username"),
                                row.getString("display_name"),
                                textArray(row.getArray("roles")).stream().map(Role::valueOf)
                                        .collect(Collectors.toSet()),
                                uuidArray(row.getArray("teams")).stream().map(TeamId::new)
                                        .collect(Collectors.toSet())),
                        row.getBoolean("enabled")))
                .optional();
    }

    /** Issues a personal API token to the signed-in user; the secret is in the result and nowhere else. */
    @Transactional
    public Outcome<IssuedToken> issueToken(String name, @Nullable Instant expiresAt) {
        Actor actor = requireActor();
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return Outcome.refused(Refusal.invalid("name", "must be 1 to 100 characters"));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Outcome.refused(Refusal.invalid("expiresAt", "must be in the future"));
        }
        String secret = Secrets.newToken();
        ApiToken token = tokens.save(ApiToken.issue(actor.id(), trimmed, Secrets.tokenDigest(secret), now,
                expiresAt));
        publish(actor.ref(), Change.API_TOKEN_ISSUED, token.view().id().toString(), null, token.snapshot());
        return Outcome.done(new IssuedToken(token.view(), secret));
    }

    /** The signed-in user's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenView> myTokens() {
        return tokens.findByUser(requireActor().id().value()).stream().map(ApiToken::view).toList();
    }

    /** Revokes one of the signed-in user's tokens; another user's token is as good as absent. */
    @Transactional
    public Outcome<TokenView> revokeToken(UUID tokenId) {
        Actor actor = requireActor();
        return tokens.findById(tokenId)
                .filter(token -> token.belongsTo(actor.id()))
                .<Outcome<TokenView>>map(token -> {
                    String before = token.snapshot();
                    token.revoke(clock.instant());
                    tokens.save(token);
                    publish(actor.ref(), Change.API_TOKEN_REVOKED, tokenId.toString(), before,
                            token.snapshot());
                    return Outcome.done(token.view());
                })
                .orElseGet(() -> Outcome.refused(Refusal.notFound("token " + tokenId)));
    }

    // --- passwords and sign-in -----------------------------------------------------------------------------------

    /** Replaces the signed-in user's password after checking the current one. */
    @Transactional
    public Outcome<UserView> changeOwnPassword(String currentPassword, String newPassword) {
        Actor actor = requireActor();
        User user = users.findById(actor.id().value()).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            return Outcome.refused(Refusal.invalid("currentPassword", "is not your current password"));
        }
        if (passwords.matches(newPassword, user.passwordHash())) {
            return Outcome.refused(Refusal.invalid("newPassword", "must differ from the current password"));
        }
        Optional<Refusal> weak = PasswordRules.check("newPassword", newPassword, user.username());
        if (weak.isPresent()) {
            return Outcome.refused(weak.get());
        }
        String before = user.snapshot();
        user.choosePassword(passwords.encode(newPassword));
        users.save(user);
        currentPrincipal().ifPresent(ActorPrincipal::passwordChosen);
        publish(actor.ref(), Change.USER_PASSWORD_CHANGED, user.id().toString(), before, user.snapshot());
        return Outcome.done(user.view());
    }

    // --- the signed-in user's own account --------------------------------------------------------------------------

    /** The signed-in user's own account. */
    @Transactional(readOnly = true)
    public UserView myAccount() {
        return users.findById(requireActor().id().value()).orElseThrow().view();
    }

    /**
     * The signed-in user reads Cairn in this language from now on ({@code en} or {@code nl}): notifications to them
     * are written in it. A change is recorded in the audit trail; the same language again changes nothing.
     */
    @Transactional
    public Outcome<UserView> chooseLanguage(String language) {
        if (!User.LANGUAGES.contains(language)) {
            return Outcome.refused(Refusal.invalid("language", "must be en or nl"));
        }
        Actor actor = requireActor();
        User user = users.findById(actor.id().value()).orElseThrow();
        String before = user.snapshot();
        if (user.speak(language)) {
            users.save(user);
            // what the user may do is unchanged: no session or token needs to be read again
            audit(actor.ref(), Change.USER_LANGUAGE_CHOSEN, user.id().toString(), before, user.snapshot());
        }
        return Outcome.done(user.view());
    }

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
    @Transactional
    public Outcome<CreatedUser> createUser(NewUser command) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "create users")
                .or(() -> unknownTeams(command.teams()))
                .or(() -> unknownBusinessUnit(command.businessUnit()))
                .or(() -> command.initialPassword() == null ? Optional.empty()
                        : PasswordRules.check("initialPassword", command.initialPassword(), command.username()));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return register(command, requireActor().ref());
    }

    /** Creates the first admin on an empty instance; does nothing when any user exists. */
    @Transactional
    Optional<CreatedUser> registerFirstAdmin(@Nullable String password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        Set<Role> roles = Set.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR,
                Role.REPORTER);
        NewUser admin = new NewUser("admin", "Administrator", null, roles, Set.of(), null, password, null);
        Outcome<CreatedUser> outcome = register(admin, ActorRef.SYSTEM);
        formSecurityTeam();
        return outcome instanceof Outcome.Done<CreatedUser> done ? Optional.of(done.value()) : Optional.empty();
    }

    /** The team a new instance starts with, for its handlers; see {@link SecurityTeamFormed}. */
    public static final String SECURITY_TEAM = ShippedTeam.NAME;

    private void formSecurityTeam() {
        if (teams.findByName(SECURITY_TEAM).isPresent()) {
            return;
        }
        Team team = Team.form(SECURITY_TEAM, ShippedTeam.DESCRIPTION, null);
        teams.save(team);
        TeamId id = team.view().id();
        publish(ActorRef.SYSTEM, Change.TEAM_CREATED, id.toString(), null, team.snapshot());
        events.publishEvent(new SecurityTeamFormed(id, SECURITY_TEAM, clock.instant()));
    }

    private Outcome<CreatedUser> register(NewUser command, ActorRef by) {
        if (users.findByUsername(command.username()).isPresent()) {
            return Outcome.refused(Refusal.conflict("username", "is already taken"));
        }
        String oneTimePassword = command.initialPassword() == null ? Secrets.newOneTimePassword() : null;
        String password = oneTimePassword != null ? oneTimePassword : command.initialPassword();
        User user = User.register(command.username(), command.displayName().trim(), blankToNull(command.email()),
                passwords.encode(password), command.roles(), command.teams(), command.businessUnit(),
                clock.instant());
        if (command.language() != null) {
            user.speak(command.language());
        }
        // Another node or request may take the name between the check and the insert (two nodes starting on a new
        // database both register the first admin): behind a savepoint, losing that race is a refusal, not a
        // transaction that can no longer commit.
        org.springframework.transaction.TransactionStatus transaction =
                org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus();
        Object beforeInsert = transaction.createSavepoint();
        try {
            users.save(user);
        } catch (DuplicateKeyException race) {
            transaction.rollbackToSavepoint(beforeInsert);
            return Outcome.refused(Refusal.conflict("username", "is already taken"));
        }
        transaction.releaseSavepoint(beforeInsert);
        publish(by, Change.USER_CREATED, user.id().toString(), null, user.snapshot());
        return Outcome.done(new CreatedUser(user.view(), oneTimePassword));
    }

    /** Changes a user's name, address, roles, teams, business unit and whether they may sign in (admin only). */
    @Transactional
    public Outcome<UserView> changeUser(UserId id, UserChange change) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "change users")
                .or(() -> unknownTeams(change.teams()))
                .or(() -> unknownBusinessUnit(change.businessUnit()));
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
        Actor actor = requireActor();
        if (user.id().equals(actor.id()) && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
            return Outcome.refused(Refusal.conflict("roles", "you cannot remove your own admin role or disable "
                    + "yourself; ask another admin"));
        }
        String before = user.snapshot();
        user.describe(change.displayName().trim(), blankToNull(change.email()));
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
        users.save(user);
        publish(actor.ref(), Change.USER_CHANGED, id.toString(), before, user.snapshot());
        return Outcome.done(user.view());
    }

    /** Sets a new one-time password for a user, returned once; they must replace it at sign-in (admin only). */
    @Transactional
    public Outcome<String> resetPassword(UserId id) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "reset passwords");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return users.findById(id.value()).<Outcome<String>>map(user -> {
            String before = user.snapshot();
            String oneTimePassword = Secrets.newOneTimePassword();
            user.resetPassword(passwords.encode(oneTimePassword));
            users.save(user);
            publish(requireActor().ref(), Change.USER_PASSWORD_RESET, id.toString(), before, user.snapshot());
            return Outcome.done(oneTimePassword);
        }).orElseGet(() -> Outcome.refused(Refusal.notFound("user " + id)));
    }

    /** All users by login name; for admins, handlers and coordinators (who assign work to people). */
    @Transactional(readOnly = true)
    public Outcome<List<UserView>> users() {
        Optional<Refusal> refusal = requireAnyRole("list users", Role.ADMIN, Role.HANDLER, Role.COORDINATOR);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return Outcome.done(users.findAllByName().stream().map(User::view).toList());
    }

    /** One user, for admins, handlers and coordinators, or the user themselves. */
    @Transactional(readOnly = true)
    public Outcome<UserView> user(UserId id) {
        Actor actor = requireActor();
        if (!actor.id().equals(id) && !actor.hasAny(Role.ADMIN, Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.notFound("user " + id));
        }
        return users.findById(id.value()).map(User::view).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("user " + id)));
    }

    /** The display names of the given users, for showing who owns or reported something. */
    @Transactional(readOnly = true)
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllById(ids.stream().map(UserId::value).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(User::id, user -> user.view().displayName()));
    }

    /** True when the user exists. */
    @Transactional(readOnly = true)
    public boolean userExists(UserId id) {
        return knownUsers.exists(id, user -> users.existsById(user.value()));
    }

    /** The user with this login name, if any. */
    @Transactional(readOnly = true)
    public Optional<UserView> findUserByUsername(String username) {
        return users.findByUsername(username).map(User::view);
    }

    /**
     * The enabled user whose e-mail address this is (case does not matter), when exactly one user has it: an address
     * that two accounts share names neither of them.
     */
    @Transactional(readOnly = true)
    public Optional<UserView> findUserByEmail(String email) {
        List<User> found = email.isBlank() ? List.of() : users.findEnabledByEmail(email.trim());
        return found.size() == 1 ? Optional.of(found.get(0).view()) : Optional.empty();
    }

    // --- teams and business units --------------------------------------------------------------------------------

    @Transactional
    public Outcome<TeamView> createTeam(TeamDefinition definition) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "create teams")
                .or(() -> unknownBusinessUnit(definition.businessUnit()))
                .or(() -> teams.findByName(definition.name()).map(t -> Refusal.conflict("name", "is already taken")));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Team team = Team.form(definition.name(), definition.description(), definition.businessUnit());
        teams.save(team);
        publish(requireActor().ref(), Change.TEAM_CREATED, team.view().id().toString(), null, team.snapshot());
        return Outcome.done(ShippedTeam.shown(team.view()));
    }

    @Transactional
    public Outcome<TeamView> changeTeam(TeamId id, TeamDefinition definition, long version) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "change teams")
                .or(() -> unknownBusinessUnit(definition.businessUnit()))
                .or(() -> teams.findByName(definition.name()).filter(t -> !t.view().id().equals(id))
                        .map(t -> Refusal.conflict("name", "is already taken")));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return teams.findById(id.value()).<Outcome<TeamView>>map(team -> {
            if (team.view().version() != version) {
                return Outcome.refused(Refusal.stale(version, team.view().version()));
            }
            String before = team.snapshot();
            TeamDefinition stored = ShippedTeam.asStored(definition, team.view().description());
            team.rename(stored.name(), stored.description());
            team.placeInBusinessUnit(stored.businessUnit());
            teams.save(team);
            publish(requireActor().ref(), Change.TEAM_CHANGED, id.toString(), before, team.snapshot());
            return Outcome.done(ShippedTeam.shown(team.view()));
        }).orElseGet(() -> Outcome.refused(Refusal.notFound("team " + id)));
    }

    /**
     * All teams by name; every signed-in user may see team names. The shipped team's description is in the reader's
     * language (see {@link ShippedTeam}).
     */
    @Transactional(readOnly = true)
    public List<TeamView> teams() {
        return teams.findAllByName().stream().map(Team::view).map(ShippedTeam::shown).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TeamView> team(TeamId id) {
        return teams.findById(id.value()).map(Team::view).map(ShippedTeam::shown);
    }

    /**
     * Whether the team exists, for checks on hot paths such as reporting: one plain query, without the repository's
     * per-call overhead (a tenth of the CPU of reporting an incident when it loaded the whole team).
     */
    @Transactional(readOnly = true)
    public boolean teamExists(TeamId id) {
        return knownTeams.exists(id, team -> jdbc.sql(
                "select exists (select 1 from team where id = ?)").param(team.value()).query(Boolean.class).single());
    }

    /** The members of a team, by login name. */
    @Transactional(readOnly = true)
    public List<UserView> members(TeamId id) {
        return users.findAllByName().stream().map(User::view).filter(u -> u.teams().contains(id)).toList();
    }

    @Transactional
    public Outcome<BusinessUnitView> createBusinessUnit(BusinessUnitDefinition definition) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "create business units")
                .or(() -> businessUnits.findByName(definition.name())
                        .map(b -> Refusal.conflict("name", "is already taken")));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        BusinessUnit unit = BusinessUnit.establish(definition.name(), definition.description());
        businessUnits.save(unit);
        publish(requireActor().ref(), Change.BUSINESS_UNIT_CREATED, unit.view().id().toString(), null,
                unit.snapshot());
        return Outcome.done(unit.view());
    }

    @Transactional
    public Outcome<BusinessUnitView> changeBusinessUnit(BusinessUnitId id, BusinessUnitDefinition definition,
            long version) {
        Optional<Refusal> refusal = requireRole(Role.ADMIN, "change business units")
                .or(() -> businessUnits.findByName(definition.name()).filter(b -> !b.view().id().equals(id))
                        .map(b -> Refusal.conflict("name", "is already taken")));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return businessUnits.findById(id.value()).<Outcome<BusinessUnitView>>map(unit -> {
            if (unit.view().version() != version) {
                return Outcome.refused(Refusal.stale(version, unit.view().version()));
            }
            String before = unit.snapshot();
            unit.rename(definition.name(), definition.description());
            businessUnits.save(unit);
            publish(requireActor().ref(), Change.BUSINESS_UNIT_CHANGED, id.toString(), before,
                    unit.snapshot());
            return Outcome.done(unit.view());
        }).orElseGet(() -> Outcome.refused(Refusal.notFound("business unit " + id)));
    }

    /** All business units by name; every signed-in user may see their names. */
    @Transactional(readOnly = true)
    public List<BusinessUnitView> businessUnits() {
        return businessUnits.findAllByName().stream().map(BusinessUnit::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<BusinessUnitView> businessUnit(BusinessUnitId id) {
        return businessUnits.findById(id.value()).map(BusinessUnit::view);
    }

    /** Whether the business unit exists; cheaper than loading it. */
    @Transactional(readOnly = true)
    public boolean businessUnitExists(BusinessUnitId id) {
        return knownBusinessUnits.exists(id, unit -> jdbc.sql(
                "select exists (select 1 from business_unit where id = ?)").param(unit.value()).query(Boolean.class)
                .single());
    }

    /** Names of teams by id, for display. */
    @Transactional(readOnly = true)
    public Map<TeamId, String> teamNames() {
        return teams().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
    }

    /** Names of business units by id, for display. */
    @Transactional(readOnly = true)
    public Map<BusinessUnitId, String> businessUnitNames() {
        return businessUnits().stream().collect(Collectors.toMap(BusinessUnitView::id, BusinessUnitView::name));
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    private Optional<Refusal> requireRole(Role role, String what) {
        return requireAnyRole(what, role);
    }

    private Optional<Refusal> requireAnyRole(String what, Role... roles) {
        Optional<Actor> actor = currentActor();
        if (actor.isPresent() && actor.get().hasAny(roles)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.forbidden("you need the role " + java.util.Arrays.stream(roles)
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(" or "))
                + " to " + what));
    }

    private Optional<Refusal> unknownTeams(Set<TeamId> wanted) {
        Set<UUID> known = teams.findAllById(wanted.stream().map(TeamId::value).toList()).stream()
                .map(team -> team.view().id().value()).collect(Collectors.toSet());
        return wanted.stream().filter(id -> !known.contains(id.value())).findFirst()
                .map(id -> Refusal.invalid("teams", "team {0} does not exist", id.toString()));
    }

    private Optional<Refusal> unknownBusinessUnit(@Nullable BusinessUnitId id) {
        if (id == null || businessUnits.existsById(id.value())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.invalid("businessUnit", "business unit {0} does not exist", id.toString()));
    }

    private void publish(ActorRef actor, Change change, String id, @Nullable String before,
            @Nullable String after) {
        recentTokens.forgetAll();
        generation.changed();
        audit(actor, change, id, before, after);
    }

    /** Records a change in the audit trail; for a change that does not touch what anyone may do. */
    private void audit(ActorRef actor, Change change, String id, @Nullable String before,
            @Nullable String after) {
        events.publishEvent(new IdentityChanged(actor, clock.instant(), change, id,
                Optional.ofNullable(before).map(text -> ContentDigest.of(text).hex()),
                Optional.ofNullable(after).map(text -> ContentDigest.of(text).hex())));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> textArray(java.sql.Array array) throws java.sql.SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<UUID> uuidArray(java.sql.Array array) throws java.sql.SQLException {
        return List.of((UUID[]) array.getArray());
    }
}
