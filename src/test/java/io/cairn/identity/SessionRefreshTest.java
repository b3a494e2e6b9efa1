package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.identity.TestUsers.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An admin's change to a user takes effect at the user's very next request in any session signed in on this node:
 * a disabled user is signed out, a demoted user is refused, a reset password must be replaced.
 */
class SessionRefreshTest extends ApiClient.OnServer {

    ApiClient admin;

    @BeforeEach
    void anAdmin() {
        admin = client(users.user("admin", Set.of(Role.ADMIN)));
    }

    @Test
    void aDisabledUsersSessionsAreRefusedAtTheirNextRequest() {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        FormSession pages = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        FormSession api = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        assertThat(pages.get("/incidents").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        change(handler, user -> user.put("enabled", false));

        ApiClient.Answer page = pages.get("/incidents");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login?disabled");
        ApiClient.Answer call = api.get("/api/v1/me");
        assertThat(call.status()).as(call.toString()).isEqualTo(401);
        assertThat(call.json().get("type").asString()).isEqualTo("urn:cairn:problem:disabled");
        assertThat(pages.get("/incidents").header("Location"))
                .as("the session has ended")
                .endsWith("/login");
    }

    @Test
    void aDemotedUsersNextRequestIsRefused() {
        TestUser colleague = users.user("colleague", Set.of(Role.ADMIN, Role.HANDLER));
        FormSession session = FormSession.signedIn(port, colleague.username(), TestUsers.PASSWORD);
        assertThat(session.get("/admin/users").status()).isEqualTo(200);
        assertThat(session.get("/api/v1/alert-sources").status()).isEqualTo(200);

        change(colleague, user -> user.put("roles", List.of("HANDLER")));

        assertThat(session.get("/admin/users").status()).isEqualTo(403);
        ApiClient.Answer call = session.get("/api/v1/alert-sources");
        assertThat(call.status()).as(call.toString()).isEqualTo(403);
        assertThat(session.get("/incidents").status())
                .as("a handler still works")
                .isEqualTo(200);
    }

    @Test
    void aResetPasswordMustBeReplacedBeforeTheNextRequest() {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        FormSession session = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        assertThat(session.get("/incidents").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + handler.id() + "/password-reset", Map.of())
                        .status())
                .isEqualTo(200);

        ApiClient.Answer page = session.get("/incidents");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/account/password");
    }

    @Test
    void aTeamChangeShowsAtTheNextRequest() {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        TeamId team = users.team("cert");
        FormSession session = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        assertThat(session.get("/api/v1/me").json().get("teams").isEmpty()).isTrue();

        change(handler, user -> user.put("teams", List.of(team.toString())));

        assertThat(session.get("/api/v1/me").json().get("teams").get(0).asString())
                .isEqualTo(team.toString());
    }

    private void change(TestUser user, java.util.function.Consumer<Map<String, Object>> edit) {
        JsonNode stored = admin.get("/api/v1/users/" + user.id()).json();
        Map<String, Object> change = new HashMap<>(Map.of(
                "displayName",
                stored.get("displayName").asString(),
                "roles",
                stored.get("roles"),
                "teams",
                stored.get("teams"),
                "enabled",
                stored.get("enabled").asBoolean(),
                "version",
                stored.get("version").asLong()));
        edit.accept(change);
        ApiClient.Answer changed = admin.put("/api/v1/users/" + user.id(), change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }
}
