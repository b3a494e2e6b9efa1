package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes users, teams and business units for UI tests straight in the repositories, and signs them in for code that
 * runs in the test's own thread. Names get a unique suffix, so tests that share a database do not collide.
 */
public final class TestUsers {

    /** The password of every user made here that has chosen their own. */
    public static final String PASSWORD = "Correct-horse-battery-9";

    private final Users users;
    private final Teams teams;
    private final BusinessUnits businessUnits;
    private final PasswordEncoder passwords;

    public TestUsers(ApplicationContext context) {
        this.users = context.getBean(Users.class);
        this.teams = context.getBean(Teams.class);
        this.businessUnits = context.getBean(BusinessUnits.class);
        this.passwords = context.getBean(PasswordEncoder.class);
    }

    /** A user for a test: login name, display name and id. */
    public record TestUser(UserId id, String username, String displayName, Set<Role> roles) {}

    /** A user who has chosen their password ({@link #PASSWORD}). */
    public TestUser user(String name, Set<Role> roles, TeamId... memberOf) {
        return register(name, roles, false, PASSWORD, memberOf);
    }

    /** A user who must replace the given one-time password at the first sign-in. */
    public TestUser userWithOneTimePassword(String name, String oneTimePassword, Set<Role> roles) {
        return register(name, roles, true, oneTimePassword);
    }

    public TeamId team(String name) {
        Team team = Team.form(unique(name), "", null);
        teams.save(team);
        return team.view().id();
    }

    public BusinessUnitId businessUnit(String name) {
        BusinessUnit unit = BusinessUnit.establish(unique(name), "");
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
        User stored = users.findById(user.id().value()).orElseThrow();
        return new BearerAuthentication(new ActorPrincipal(stored.actor(), Instant.now(), stored.mustChangePassword(),
                stored.enabled(), null));
    }

    private TestUser register(String name, Set<Role> roles, boolean oneTime, String password, TeamId... memberOf) {
        String username = unique(name);
        String displayName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + username.substring(
                name.length() + 1);
        String hash = passwords.encode(password);
        User user = User.register(username, displayName, null, hash, roles, Set.of(memberOf), null, Instant.now());
        if (!oneTime) {
            user.choosePassword(hash);
        }
        users.save(user);
        return new TestUser(user.id(), username, displayName, Set.copyOf(roles));
    }

    /** The name with a short random suffix: {@code alice-3f2a}. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
