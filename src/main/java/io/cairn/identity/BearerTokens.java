package io.cairn.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Authenticates the bearer tokens of API requests: a token is looked up by its digest, in the cache of recent tokens
 * first, and is good while it is active and its user may sign in.
 */
@Component
class BearerTokens {

    private final RecentTokens recentTokens;
    private final IdentityGeneration generation;
    private final JdbcClient jdbc;
    private final Clock clock;

    BearerTokens(RecentTokens recentTokens, IdentityGeneration generation, JdbcClient jdbc, Clock clock) {
        this.recentTokens = recentTokens;
        this.generation = generation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The authentication for a bearer token, when it is known, active and its user may sign in. Deliberately
     * without a transaction: it runs on every API request, and its one read (plus, once a minute per token, one
     * independent write) needs none; a transaction would cost a round trip and a commit each time.
     */
    Optional<Authentication> authenticate(String token) {
        if (!token.startsWith(Secrets.TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long changes = generation.current();
        byte[] digest = Secrets.tokenDigest(token);
        String key = HexFormat.of().formatHex(digest);
        return recentTokens
                .find(key, () -> lookUp(digest))
                .filter(row -> row.enabled()
                        && row.revokedAt() == null
                        && (row.expiresAt() == null || row.expiresAt().isAfter(now)))
                .map(row -> {
                    if (row.lastUsedAt() == null
                            || row.lastUsedAt().plusSeconds(60).isBefore(now)) {
                        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                                .param(Timestamp.from(now))
                                .param(row.id())
                                .update();
                        recentTokens.used(key, row.usedAt(now));
                    }
                    return new BearerAuthentication(new ActorPrincipal(row.actor(), now, changes, false, true, null));
                });
    }

    private Optional<RecentTokens.TokenLookup> lookUp(byte[] digest) {
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
                        new Actor(
                                new UserId(row.getObject("user_id", UUID.class)),
                                row.getString("username"),
                                row.getString("display_name"),
                                textArray(row.getArray("roles")).stream()
                                        .map(Role::valueOf)
                                        .collect(Collectors.toSet()),
                                uuidArray(row.getArray("teams")).stream()
                                        .map(TeamId::new)
                                        .collect(Collectors.toSet())),
                        row.getBoolean("enabled")))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> textArray(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<UUID> uuidArray(Array array) throws SQLException {
        return List.of((UUID[]) array.getArray());
    }
}
