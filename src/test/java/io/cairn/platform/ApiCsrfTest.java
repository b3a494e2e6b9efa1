package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser session's writes to the API need a CSRF token, whatever {@code Authorization} header comes along: only a
 * request that authenticated with a bearer token goes without one, and no other scheme authenticates anything.
 */
class ApiCsrfTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser handler;
    FormSession session;
    String title;

    @BeforeEach
    void signedIn() {
        handler = users.user("handler", Set.of(Role.HANDLER));
        session = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        title = "Forged " + TestUsers.unique("report");
    }

    @Test
    void aSessionWithAnotherAuthorizationSchemeStillNeedsACsrfToken() {
        ApiClient.Answer forged = session.postJson("/api/v1/incidents", report(), "Authorization", basic(handler));
        ApiClient.Answer bogus = session.postJson("/api/v1/incidents", report(), "Authorization", "Token x");

        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(bogus.status()).as(bogus.toString()).isEqualTo(403);
        assertThat(reported()).isZero();
        ApiClient.Answer withToken = session.postJson(
                "/api/v1/incidents", report(), "Authorization", basic(handler), "X-CSRF-TOKEN", session.csrfToken());
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(201);
    }

    @Test
    void aSessionsWriteWithoutAuthorizationHeaderNeedsACsrfToken() {
        assertThat(session.postJson("/api/v1/incidents", report()).status()).isEqualTo(403);
        assertThat(reported()).isZero();
    }

    @Test
    void basicCredentialsAuthenticateNothing() {
        FormSession stranger = FormSession.anonymous(port);

        ApiClient.Answer read = stranger.get("/api/v1/me", "Authorization", basic(handler));
        ApiClient.Answer write = stranger.postJson("/api/v1/incidents", report(), "Authorization", basic(handler));

        assertThat(read.status()).as(read.toString()).isEqualTo(401);
        assertThat(write.status()).as(write.toString()).isEqualTo(401);
        assertThat(write.json().get("type").asString()).isEqualTo("urn:cairn:problem:unauthenticated");
        assertThat(reported()).isZero();
    }

    @Test
    void aBearerTokenGoesWithoutACsrfTokenAndActsAsItsOwnUser() {
        TestUser machine = users.user("machine", Set.of(Role.REPORTER));

        ApiClient.Answer byToken =
                session.postJson("/api/v1/incidents", report(), "Authorization", "Bearer " + machine.token());
        ApiClient.Answer unknownToken =
                session.postJson("/api/v1/incidents", report(), "Authorization", "Bearer cairn_unknown");

        assertThat(byToken.status()).as(byToken.toString()).isEqualTo(201);
        assertThat(jdbc.sql("select reporter_id::text from incident where id = ?::uuid")
                        .param(byToken.json().get("id").asString())
                        .query(String.class)
                        .single())
                .isEqualTo(machine.id().toString());
        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(reported()).isEqualTo(1);
    }

    private Map<String, Object> report() {
        return Map.of("title", title, "description", "sent from another site");
    }

    private long reported() {
        return jdbc.sql("select count(*) from incident where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private static String basic(TestUser user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user.username() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
