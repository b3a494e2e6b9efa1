package io.cairn.federation;

import com.nimbusds.jose.jwk.ECKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored signing keys of this instance, private parts sealed ({@link SigningKeySeal}); nothing outside this
 * module reads them.
 */
@Component
class SigningKeys {

    /** The lock that orders generations and rotations of the active key across the nodes of a cluster. */
    private static final long ROTATION_LOCK = 0x6361_6972_6e6b_6579L;

    private final JdbcClient jdbc;
    private final SigningKeySeal seal;

    SigningKeys(JdbcClient jdbc, SigningKeySeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /**
     * A stored key.
     *
     * @param retiredAt when a rotation retired it; null for the active key
     * @param validUntil until when a retired key stays published and valid; null for the active key
     */
    record Stored(
            ECKey key,
            Instant createdAt,
            @Nullable Instant retiredAt,
            @Nullable Instant validUntil) {

        String kid() {
            return key.getKeyID();
        }

        boolean active() {
            return retiredAt == null;
        }
    }

    /** Waits until no other transaction generates or rotates keys, until this transaction ends. */
    void lockForRotation() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
    }

    Optional<Stored> active() {
        return jdbc.sql("select * from federation_signing_key where retired_at is null")
                .query((row, n) -> stored(row))
                .optional();
    }

    /** Every key, the newest first. */
    List<Stored> all() {
        return jdbc.sql("select * from federation_signing_key order by created_at desc, kid")
                .query((row, n) -> stored(row))
                .list();
    }

    /** The active key and the retired ones still valid at the moment, the newest first. */
    List<Stored> validAt(Instant moment) {
        return jdbc.sql("""
                        select * from federation_signing_key where retired_at is null or valid_until > ?
                        order by created_at desc, kid""")
                .param(Timestamp.from(moment))
                .query((row, n) -> stored(row))
                .list();
    }

    /** Stores a new active key; false when another one is active already. */
    boolean addActive(ECKey key, Instant now) {
        return jdbc.sql("""
                        insert into federation_signing_key (kid, private_jwk, created_at) values (?, ?, ?)
                        on conflict do nothing""")
                        .params(key.getKeyID(), seal.seal(key), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Retires the active key with this id; false when it is not the active key. */
    boolean retire(String kid, Instant now, Instant validUntil) {
        return jdbc.sql("""
                        update federation_signing_key set retired_at = ?, valid_until = ?
                        where kid = ? and retired_at is null""")
                        .params(Timestamp.from(now), Timestamp.from(validUntil), kid)
                        .update()
                == 1;
    }

    /** Seals the keys stored in the clear before keys were sealed; how many there were. */
    int sealClearKeys() {
        int sealed = 0;
        for (Map.Entry<String, String> clear : jdbc.sql(
                        "select kid, private_jwk from federation_signing_key where private_jwk like '{%'")
                .query((row, n) -> Map.entry(row.getString("kid"), row.getString("private_jwk")))
                .list()) {
            sealed += jdbc.sql("update federation_signing_key set private_jwk = ? where kid = ? and private_jwk = ?")
                    .params(seal.seal(seal.open(clear.getKey(), clear.getValue())), clear.getKey(), clear.getValue())
                    .update();
        }
        return sealed;
    }

    private Stored stored(ResultSet row) throws SQLException {
        return new Stored(
                seal.open(row.getString("kid"), row.getString("private_jwk")),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("retired_at")),
                instant(row.getTimestamp("valid_until")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
