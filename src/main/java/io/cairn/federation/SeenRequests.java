package io.cairn.federation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of the signed requests peers made, remembered until the request expires: the same id again from the same
 * peer is a replay. Every node of a cluster shares them, so a request replayed to another node is refused as well.
 */
@Component
class SeenRequests {

    private final JdbcClient jdbc;

    SeenRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the id; false when the issuer used it before. Forgets the ids of requests expired before now, in the
     * same statement: one round trip per request.
     */
    boolean firstUse(String issuer, String jti, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        with expired as (delete from federation_seen_request where expires_at < ?)
                        insert into federation_seen_request (issuer, jti, expires_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(Timestamp.from(now), issuer, jti, Timestamp.from(expiresAt))
                        .update()
                == 1;
    }
}
