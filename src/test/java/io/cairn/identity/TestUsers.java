package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes users, teams, business units and API tokens for tests straight in the repositories, bypassing the admin checks
 * that the tests of those checks exercise through the API, and signs users in for code that runs in the test's own
 * thread. Names get a unique suffix, so tests that share a database do not collide; the {@code ...Named} methods take
 * the name as given, for tests that make it unique themselves and look for it in answers.
 */
public final class TestUsers {

    /** The password of every user made here that has chosen their own. */
    public static final String PASSWORD = "Correct-horse-battery-9";

    private final Users users;
    private final Teams teams;
    private final BusinessUnits businessUnits;
    private final ApiTokens tokens;
    private final IdentityGeneration generation;
    private final PasswordEncoder passwords;

    public TestUsers(ApplicationContext context) {
        this.users = context.getBean(Users.class);
        this.teams = context.getBean(Teams.class);
        this.businessUnits = context.getBean(BusinessUnits.class);
        this.tokens = context.getBean(ApiTokens.class);
        this.generation = context.getBean(IdentityGeneration.class);
        this.passwords = context.getBean(PasswordEncoder.class);
    }

    /** A user for a test: id, login name, display name, roles and an API token of their own. */
    public record TestUser(UserId id, String username, String displayName, Set<Role> roles, String token) {}

    /** A user who has chosen their password ({@link #PASSWORD}). */
    public TestUser user(String name, Set<Role> roles, TeamId... memberOf) {
        String username = unique(name);
        return register(username, displayName(name, username), null, roles, false, PASSWORD, memberOf);
    }

    /** A user who must replace the given one-time password at the first sign-in. */
    public TestUser userWithOneTimePassword(String name, String oneTimePassword, Set<Role> roles) {
        String username = unique(name);
        return register(username, displayName(name, username), null, roles, true, oneTimePassword);
    }

    /**
     * A user with exactly this login name, shown as the name with a capital ({@code alice-1} as {@code Alice-1}), who
     * has chosen their password ({@link #PASSWORD}).
     */
    public TestUser userNamed(String username, Set<Role> roles, TeamId... memberOf) {
        return register(username, capitalized(username), null, roles, false, PASSWORD, memberOf);
    }

    /** A user as {@link #userNamed(String, Set, TeamId...)}, with an e-mail address. */
    public TestUser userNamed(String username, String email, Set<Role> roles) {
        return register(username, capitalized(username), email, roles, false, PASSWORD);
    }

    public TeamId team(String name) {
        return teamNamed(unique(name));
    }

    /** A team with exactly this name. */
    public TeamId teamNamed(String name) {
        Team team = Team.form(name, "", null);
        teams.save(team);
        return team.view().id();
    }

    public BusinessUnitId businessUnit(String name) {
        return businessUnitNamed(unique(name));
    }

    /** A business unit with exactly this name. */
    public BusinessUnitId businessUnitNamed(String name) {
        BusinessUnit unit = BusinessUnit.establish(new BusinessUnitDefinition(name, ""));
        businessUnits.save(unit);
        return unit.view().id();
    }

    /** Runs the work as if the user had signed in, in this thread. */
    public <T> T as(TestUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The authentication a signed-in user's requests carry, for MockMvc. */
    public Authentication authentication(TestUser user) {
        long changes = generation.current();
        User stored = users.findById(user.id().value()).orElseThrow();
        return new BearerAuthentication(new ActorPrincipal(
                stored.actor(), Instant.now(), changes, stored.mustChangePassword(), stored.enabled(), null));
    }

    private TestUser register(
            String username,
            String displayName,
            @Nullable String email,
            Set<Role> roles,
            boolean oneTime,
            String password,
            TeamId... memberOf) {
        String hash = passwords.encode(password);
        User user = User.register(username, displayName, email, hash, roles, Set.of(memberOf), null, Instant.now());
        if (!oneTime) {
            user.choosePassword(hash);
        }
        users.save(user);
        String token = Secrets.newToken();
        tokens.save(ApiToken.issue(user.id(), "test", Secrets.tokenDigest(token), Instant.now(), null));
        return new TestUser(user.id(), username, displayName, Set.copyOf(roles), token);
    }

    /** {@code alice} made {@code alice-3f2a} is shown as {@code Alice 3f2a}. */
    private static String displayName(String name, String username) {
        return capitalized(name) + " " + username.substring(name.length() + 1);
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase() + name.substring(1);
    }

    /** The name with a short random suffix: {@code alice-3f2a}. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
