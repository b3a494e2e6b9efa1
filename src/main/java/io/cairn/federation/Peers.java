package io.cairn.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored peers. Every change names the version it expects and reports whether it found it. */
@Component
class Peers {

    private final JdbcClient jdbc;

    Peers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A peer as stored.
     *
     * @param keys its public keys, a JWK set as JSON
     */
    record Stored(
            UUID id,
            String name,
            String baseUrl,
            String role,
            String keys,
            String keysOrigin,
            @Nullable Instant keysFetchedAt,
            String state,
            @Nullable UUID businessUnit,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    /** What a change sets: its keys are kept as they are when {@code keys} is null. */
    record Values(
            String name,
            String baseUrl,
            String role,
            @Nullable String keys,
            String keysOrigin,
            @Nullable Instant keysFetchedAt,
            @Nullable UUID businessUnit) {}

    List<Stored> all() {
        return jdbc.sql("select * from federation_peer order by lower(name), base_url")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> byId(UUID id) {
        return jdbc.sql("select * from federation_peer where id = ?")
                .param(id)
                .query((row, n) -> stored(row))
                .optional();
    }

    Optional<Stored> byBaseUrl(String baseUrl) {
        return jdbc.sql("select * from federation_peer where base_url = ?")
                .param(baseUrl)
                .query((row, n) -> stored(row))
                .optional();
    }

    /** Stores a new active peer; false when its base URL is registered already. */
    boolean add(UUID id, Values values, Instant now) {
        return jdbc.sql("""
                        insert into federation_peer (id, name, base_url, role, keys, keys_origin, keys_fetched_at,
                            business_unit_id, state, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 0) on conflict do nothing""")
                        .params(
                                id,
                                values.name(),
                                values.baseUrl(),
                                values.role(),
                                values.keys(),
                                values.keysOrigin(),
                                timestamp(values.keysFetchedAt()),
                                values.businessUnit(),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean change(UUID id, Values values, long expectedVersion, Instant now) {
        return jdbc.sql("""
                        update federation_peer set name = ?, base_url = ?, role = ?, keys = coalesce(?, keys),
                            keys_origin = ?, keys_fetched_at = ?, business_unit_id = ?, updated_at = ?,
                            version = version + 1
                        where id = ? and version = ?""")
                        .params(
                                values.name(),
                                values.baseUrl(),
                                values.role(),
                                values.keys(),
                                values.keysOrigin(),
                                timestamp(values.keysFetchedAt()),
                                values.businessUnit(),
                                Timestamp.from(now),
                                id,
                                expectedVersion)
                        .update()
                == 1;
    }

    boolean changeState(UUID id, String state, long expectedVersion, Instant now) {
        return jdbc.sql("""
                        update federation_peer set state = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                        .params(state, Timestamp.from(now), id, expectedVersion)
                        .update()
                == 1;
    }

    boolean remove(UUID id, long expectedVersion) {
        return jdbc.sql("delete from federation_peer where id = ? and version = ?")
                        .params(id, expectedVersion)
                        .update()
                == 1;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Timestamp fetched = row.getTimestamp("keys_fetched_at");
        return new Stored(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("base_url"),
                row.getString("role"),
                row.getString("keys"),
                row.getString("keys_origin"),
                fetched == null ? null : fetched.toInstant(),
                row.getString("state"),
                row.getObject("business_unit_id", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }
}
