package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The members of a team and a user found by login name are shown only to those who may see them: those who assign
 * work to people list a team's members, staff look up anyone by login name and everyone else only themselves; the
 * reads without access checks are for other modules' schedulers and reactions, through {@link UsersForSystem}.
 */
class UserLookUpAccessTest extends ApiClient.OnServer {

    @Autowired
    IdentityManagement identity;

    @Autowired
    UsersForSystem usersForSystem;

    @Test
    void aReporterOrResolverCannotListTheMembersOfATeam() {
        TeamId team = users.team("lookup");
        TestUser member = users.user("member", Set.of(Role.RESOLVER), team);
        TestUser reporter = users.user("reporter", Set.of(Role.REPORTER));

        for (TestUser outsider : List.of(member, reporter)) {
            Outcome<List<UserView>> members = users.as(outsider, () -> identity.members(team));

            assertThat(members)
                    .isInstanceOfSatisfying(
                            Outcome.Refused.class,
                            refused -> assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        }
    }

    @Test
    void thoseWhoAssignWorkListTheMembersOfATeam() {
        TeamId team = users.team("lookup");
        TestUser member = users.user("member", Set.of(Role.RESOLVER), team);
        TestUser coordinator = users.user("coordinator", Set.of(Role.COORDINATOR));

        Outcome<List<UserView>> members = users.as(coordinator, () -> identity.members(team));

        assertThat(members.orRefuse()).extracting(UserView::id).containsExactly(member.id());
    }

    @Test
    void aReporterOrResolverCannotLookUpAnotherUserByLoginName() {
        TestUser other = users.user("other", Set.of(Role.HANDLER));
        TestUser reporter = users.user("reporter", Set.of(Role.REPORTER));
        TestUser resolver = users.user("resolver", Set.of(Role.RESOLVER));

        for (TestUser outsider : List.of(reporter, resolver)) {
            assertThat(users.as(outsider, () -> identity.findUserByUsername(other.username())))
                    .isEmpty();
            assertThat(users.as(outsider, () -> identity.findUserByUsername(outsider.username())))
                    .map(UserView::id)
                    .contains(outsider.id());
        }
    }

    @Test
    void staffLookUpAUserByLoginNameAndNobodyDoesWithoutSigningIn() {
        TestUser other = users.user("other", Set.of(Role.REPORTER));
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));

        String shouted = other.username().toUpperCase(Locale.ROOT);
        assertThat(users.as(auditor, () -> identity.findUserByUsername(shouted)))
                .map(UserView::id)
                .contains(other.id());
        assertThat(identity.findUserByUsername(other.username())).isEmpty();
    }

    @Test
    void schedulersAndReactionsReadMembersAndLoginNamesWithoutASignedInUser() {
        TeamId team = users.team("lookup");
        TestUser member = users.user("member", Set.of(Role.RESOLVER), team);

        assertThat(usersForSystem.members(team)).extracting(UserView::id).containsExactly(member.id());
        assertThat(usersForSystem.userNamed(member.username().toUpperCase(Locale.ROOT)))
                .map(UserView::id)
                .contains(member.id());
    }
}
