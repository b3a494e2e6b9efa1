package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** The rules of the account and admin pages, checked without a browser. */
class AccountAndAdminPagesTest extends Pages.OnServer {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"/admin/users", "/admin/users/new", "/admin/teams", "/admin/business-units"})
    void onlyAdminsMayOpenTheAdminPages(String page) throws Exception {
        TestUser coordinator = users.user("coordinator", Set.of(Role.COORDINATOR, Role.HANDLER, Role.AUDITOR));
        TestUser admin = users.user("admin", Set.of(Role.ADMIN));

        mvc.perform(get(page).with(authentication(users.authentication(coordinator))))
                .andExpect(status().isForbidden());
        mvc.perform(get(page).with(authentication(users.authentication(admin)))).andExpect(status().isOk());
    }

    @Test
    void refusesToCreateAUserForSomeoneWhoIsNotAnAdmin() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));

        mvc.perform(post("/admin/users/new")
                        .param("username", "mallory")
                        .param("displayName", "Mallory")
                        .param("roles", "ADMIN")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aOneTimePasswordLeadsToThePasswordPageWhichStillGetsItsStyleSheet() throws Exception {
        TestUser newcomer = users.userWithOneTimePassword("newcomer", "one-time-55aa77", Set.of(Role.REPORTER));

        mvc.perform(get("/incidents").with(authentication(users.authentication(newcomer))))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password")
                        .servletPath("/account/password")
                        .with(authentication(users.authentication(newcomer))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose your own password")));
        mvc.perform(get("/css/cairn.css")
                        .servletPath("/css/cairn.css")
                        .with(authentication(users.authentication(newcomer))))
                .andExpect(status().isOk());
    }

    @Test
    void issuesATokenWhoseSecretIsShownOnceAfterTheRedirect() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));

        IssuedToken issued = (IssuedToken) mvc.perform(post("/account/tokens")
                        .param("name", "SIEM")
                        .param("expiresAt", "2999-12-31")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andReturn()
                .getFlashMap()
                .get("issuedToken");
        assertThat(issued.secret()).startsWith(Secrets.TOKEN_PREFIX);
        assertThat(issued.token().expiresAt()).isEqualTo(java.time.Instant.parse("3000-01-01T00:00:00Z"));
        mvc.perform(get("/account/tokens").with(authentication(users.authentication(handler))))
                .andExpect(content().string(Matchers.containsString("SIEM")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("token-secret"))));
    }

    @Test
    void showsTheTokenProblemNextToTheField() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));

        mvc.perform(post("/account/tokens")
                        .param("name", "old")
                        .param("expiresAt", "2001-01-01")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "<small class=\"field-error\" id=\"expiresAt-error\">Choose a day in the future.</small>")));
    }

    @Test
    void showsATooShortPasswordInDutchWithTheMinimumLengthNextToTheField() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));

        mvc.perform(post("/account/password")
                        .param("lang", "nl")
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "kort")
                        .param("repeatPassword", "kort")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "<small class=\"field-error\" id=\"newPassword-error\">Gebruik minstens 12 tekens.</small>")));
    }

    @Test
    void theLanguageAUserReadsThePagesInIsKeptForWhatCairnWritesToThem() throws Exception {
        TestUser reporter = users.user("reader", Set.of(Role.REPORTER));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/reports")
                        .session(session)
                        .header("Accept-Language", "nl-NL,nl;q=0.9")
                        .with(authentication(users.authentication(reporter))))
                .andExpect(status().isOk());
        assertThat(languageOf(reporter)).as("the browser's language at sign-in").isEqualTo("nl");

        mvc.perform(get("/reports")
                        .session(session)
                        .param("lang", "en")
                        .with(authentication(users.authentication(reporter))))
                .andExpect(status().isOk());
        assertThat(languageOf(reporter)).as("the language switch").isEqualTo("en");
    }

    private String languageOf(TestUser user) {
        return jdbc.sql("select language from app_user where id = ?")
                .param(user.id().value())
                .query(String.class)
                .single();
    }
}
