package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.shared.ContentDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets of users' calendar feeds: 256 random bits each, kept only as their SHA-256 and found by it, one per
 * user; issuing a new one replaces the old, revoking deletes it.
 */
@Component
class CalendarTokens {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    CalendarTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new secret for the user, replacing the one they had; the secret itself is never stored. */
    String issue(UserId user, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        "insert into compliance_calendar_token (user_id, digest, issued_at) values (?, ?, ?) "
                                + "on conflict (user_id) do update set digest = excluded.digest, issued_at = excluded.issued_at")
                .params(user.value(), ContentDigest.of(token).hex(), Timestamp.from(now))
                .update();
        return token;
    }

    /** Revokes the user's secret; false when they had none. */
    boolean revoke(UserId user) {
        return jdbc.sql("delete from compliance_calendar_token where user_id = ?")
                        .param(user.value())
                        .update()
                == 1;
    }

    /** When the user's secret was issued; none when they have none. */
    Optional<Instant> issuedAt(UserId user) {
        return jdbc.sql("select issued_at from compliance_calendar_token where user_id = ?")
                .param(user.value())
                .query((row, n) -> row.getTimestamp("issued_at").toInstant())
                .optional();
    }

    /** The user whose secret this is; none for a secret nobody holds (revoked, replaced, or made up). */
    Optional<UserId> holder(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id from compliance_calendar_token where digest = ?")
                .param(ContentDigest.of(token).hex())
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }
}
