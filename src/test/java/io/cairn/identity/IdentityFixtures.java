package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes users, teams and tokens for tests straight in the repositories, bypassing the admin checks that the tests
 * of those checks exercise through the API.
 */
public final class IdentityFixtures {

    public static final String PASSWORD = "Correct-horse-battery-9";

    private final Users users;
    private final Teams teams;
    private final BusinessUnits businessUnits;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;

    public IdentityFixtures(ApplicationContext context) {
        this.users = context.getBean(Users.class);
        this.teams = context.getBean(Teams.class);
        this.businessUnits = context.getBean(BusinessUnits.class);
        this.tokens = context.getBean(ApiTokens.class);
        this.passwords = context.getBean(PasswordEncoder.class);
    }

    /** A signed-up user with a token, who has already chosen their password. */
    public record TestUser(UserId id, String username, String token) {}

    public TestUser user(String username, Set<Role> roles, TeamId... memberOf) {
        User user = User.register(username, username.substring(0, 1).toUpperCase() + username.substring(1), null,
                passwords.encode(PASSWORD), roles, Set.of(memberOf), null, Instant.now());
        user.choosePassword(passwords.encode(PASSWORD));
        users.save(user);
        String secret = Secrets.newToken();
        tokens.save(ApiToken.issue(user.id(), "test", Secrets.tokenDigest(secret), Instant.now(), null));
        return new TestUser(user.id(), username, secret);
    }

    public TeamId team(String name) {
        Team team = Team.form(name, "", null);
        teams.save(team);
        return team.view().id();
    }

    public BusinessUnitId businessUnit(String name) {
        BusinessUnit unit = BusinessUnit.establish(name, "");
        businessUnits.save(unit);
        return unit.view().id();
    }
}
