package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class IdentityApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient handler;
    String suffix;

    @BeforeEach
    void people() {
        suffix = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("adm-" + suffix, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("hdl-" + suffix, Set.of(Role.HANDLER)));
    }

    @Test
    void aUserIssuesListsAndRevokesTheirOwnTokens() {
        ApiClient.Answer issued = handler.post("/api/v1/me/tokens", Map.of("name", "laptop script"));
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        String id = issued.json().get("token").get("id").asString();
        assertThat(secret).startsWith("cairn_").hasSizeGreaterThan(40);

        ApiClient withNewToken = handler.as(secret);
        assertThat(withNewToken.get("/api/v1/me").json().get("username").asString())
                .startsWith("hdl-");
        assertThat(handler.get("/api/v1/me/tokens")
                        .json()
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .contains("laptop script");

        assertThat(handler.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(200);
        assertThat(withNewToken.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsDigests() {
        String secret = handler.post("/api/v1/me/tokens", Map.of("name", "stored"))
                .json()
                .get("secret")
                .asString();
        List<String> stored = jdbc.sql("select encode(digest, 'hex') from api_token")
                .query(String.class)
                .list();
        assertThat(stored).noneMatch(digest -> digest.contains(secret));
        assertThat(stored).contains(java.util.HexFormat.of().formatHex(Secrets.tokenDigest(secret)));
    }

    @Test
    void aUserCannotRevokeAnotherUsersToken() {
        String id = admin.post("/api/v1/me/tokens", Map.of("name", "admin's"))
                .json()
                .get("token")
                .get("id")
                .asString();
        assertThat(handler.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = handler.post(
                        "/api/v1/me/tokens",
                        Map.of(
                                "name",
                                "short",
                                "expiresAt",
                                java.time.Instant.now().plusSeconds(300).toString()))
                .json()
                .get("secret")
                .asString();
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where name = 'short'")
                .update();
        assertThat(handler.as(secret).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anAdminManagesBusinessUnitsTeamsAndUsers() {
        ApiClient.Answer unit = admin.post("/api/v1/business-units", Map.of("name", "Retail " + suffix));
        assertThat(unit.status()).isEqualTo(201);
        String unitId = unit.json().get("id").asString();
        ApiClient.Answer team = admin.post("/api/v1/teams", Map.of("name", "IT ops " + suffix, "businessUnit", unitId));
        assertThat(team.status()).isEqualTo(201);
        String teamId = team.json().get("id").asString();

        ApiClient.Answer created = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "ivy-" + suffix,
                        "displayName",
                        "Ivy",
                        "email",
                        "ivy@example.org",
                        "roles",
                        List.of("RESOLVER"),
                        "teams",
                        List.of(teamId),
                        "businessUnit",
                        unitId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json().get("user");
        assertThat(created.json().get("oneTimePassword").asString()).hasSize(20);
        assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(user.has("passwordHash")).isFalse();

        ApiClient.Answer changed = admin.put(
                "/api/v1/users/" + user.get("id").asString(),
                Map.of(
                        "displayName",
                        "Ivy Green",
                        "roles",
                        List.of("RESOLVER", "REPORTER"),
                        "teams",
                        List.of(teamId),
                        "enabled",
                        false,
                        "version",
                        user.get("version").asLong()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("roles").size()).isEqualTo(2);
    }

    @Test
    void nonAdminsCannotManageIdentities() {
        assertThat(handler.post(
                                "/api/v1/users",
                                Map.of("username", "x-" + suffix, "displayName", "X", "roles", List.of("ADMIN")))
                        .status())
                .isEqualTo(403);
        assertThat(handler.post("/api/v1/teams", Map.of("name", "shadow")).status())
                .isEqualTo(403);
        assertThat(handler.post("/api/v1/business-units", Map.of("name", "shadow"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void duplicateNamesAndUnknownReferencesAreNamed() {
        admin.post("/api/v1/teams", Map.of("name", "Dup " + suffix));
        ApiClient.Answer duplicate = admin.post("/api/v1/teams", Map.of("name", "dup " + suffix));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString())
                .isEqualTo("name");

        ApiClient.Answer unknownTeam = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "u-" + suffix,
                        "displayName",
                        "U",
                        "roles",
                        List.of("REPORTER"),
                        "teams",
                        List.of(java.util.UUID.randomUUID())));
        assertThat(unknownTeam.status()).isEqualTo(400);
        assertThat(unknownTeam.json().get("errors").get(0).get("field").asString())
                .isEqualTo("teams");

        ApiClient.Answer badRole = admin.post(
                "/api/v1/users", Map.of("username", "v-" + suffix, "displayName", "V", "roles", List.of("KING")));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).startsWith("roles");
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        TestUser victim = users.userNamed("gone-" + suffix, Set.of(Role.HANDLER));
        ApiClient asVictim = client(victim);
        assertThat(asVictim.get("/api/v1/me").status()).isEqualTo(200);
        long version =
                admin.get("/api/v1/users/" + victim.id()).json().get("version").asLong();
        admin.put(
                "/api/v1/users/" + victim.id(),
                Map.of("displayName", "Gone", "roles", List.of("HANDLER"), "enabled", false, "version", version));
        assertThat(asVictim.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        ApiClient.Answer wrong = handler.post(
                "/api/v1/me/password", Map.of("currentPassword", "nope", "newPassword", "A-much-better-password-1"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        ApiClient.Answer weak = handler.post(
                "/api/v1/me/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        assertThat(handler.post(
                                "/api/v1/me/password",
                                Map.of(
                                        "currentPassword",
                                        TestUsers.PASSWORD,
                                        "newPassword",
                                        "A-much-better-password-1"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aUserShowsAndChangesTheLanguageNotificationsToThemAreWrittenIn() {
        JsonNode me = handler.get("/api/v1/me").json();
        assertThat(me.get("username").asString()).startsWith("hdl-");
        assertThat(me.get("language").isNull())
                .as("not known before they choose or use the UI")
                .isTrue();

        ApiClient.Answer chosen = handler.put("/api/v1/me", Map.of("language", "nl"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().get("language").asString()).isEqualTo("nl");
        assertThat(handler.get("/api/v1/me").json().get("language").asString()).isEqualTo("nl");
        assertThat(handler.put("/api/v1/me", Map.of("language", "nl")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'user.language-chosen' "
                                + "and object_id = ?")
                        .param(me.get("id").asString())
                        .query(Long.class)
                        .single())
                .as("a change is audited, the same language again is no change")
                .isEqualTo(1);

        ApiClient.Answer unknown = handler.put("/api/v1/me", Map.of("language", "de"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("language");
    }

    @Test
    void anAdminSetsAUsersLanguageAndAChangeWithoutOneKeepsIt() {
        ApiClient.Answer created = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "lina-" + suffix,
                        "displayName",
                        "Lina",
                        "roles",
                        List.of("REPORTER"),
                        "language",
                        "nl"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json().get("user");
        assertThat(user.get("language").asString()).isEqualTo("nl");

        ApiClient.Answer changed = admin.put(
                "/api/v1/users/" + user.get("id").asString(),
                Map.of(
                        "displayName",
                        "Lina B",
                        "roles",
                        List.of("REPORTER"),
                        "enabled",
                        true,
                        "version",
                        user.get("version").asLong()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("language").asString()).isEqualTo("nl");
        assertThat(admin.post(
                                "/api/v1/users",
                                Map.of(
                                        "username",
                                        "lena-" + suffix,
                                        "displayName",
                                        "Lena",
                                        "roles",
                                        List.of("REPORTER"),
                                        "language",
                                        "fr"))
                        .status())
                .isEqualTo(400);
    }
}
