package io.cairn.federation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A signed request's id, to be remembered until it expires. */
    record Request(String issuer, String jti, Instant expiresAt) {}

    /**
     * Remembers the ids, in the caller's transaction, and answers those not used before. The requests hold no two of
     * one issuer and id (the caller keeps the first of each). Forgets the ids of requests expired before now, in the
     * same statement.
     */
    Set<Request> firstUses(List<Request> requests, Instant now) {
        Map<List<String>, Request> byId = new HashMap<>();
        requests.forEach(request -> byId.put(List.of(request.issuer(), request.jti()), request));
        Set<Request> fresh = new HashSet<>();
        jdbc.sql("""
                        with expired as (delete from federation_seen_request where expires_at < ?)
                        insert into federation_seen_request (issuer, jti, expires_at)
                        select * from unnest(?::text[], ?::text[], ?::timestamptz[])
                        on conflict do nothing
                        returning issuer, jti""")
                .params(
                        Timestamp.from(now),
                        requests.stream().map(Request::issuer).toArray(String[]::new),
                        requests.stream().map(Request::jti).toArray(String[]::new),
                        requests.stream()
                                .map(request -> Timestamp.from(request.expiresAt()))
                                .toArray(Timestamp[]::new))
                .query((row, n) -> fresh.add(byId.get(List.of(row.getString(1), row.getString(2)))))
                .list();
        return fresh;
    }

    /** Remembers the id, in the caller's transaction if there is one; false when the issuer used it before. */
    boolean firstUse(String issuer, String jti, Instant expiresAt, Instant now) {
        return !firstUses(List.of(new Request(issuer, jti, expiresAt)), now).isEmpty();
    }
}
