package io.cairn.federation;

import io.cairn.audit.CosignerKey;
import io.cairn.shared.Outcome;
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

/** The witnessing state of each peer ({@code federation_peer_witnessing}). */
@Component
class PeerWitnessStore {

    private final JdbcClient jdbc;

    PeerWitnessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A peer's pinned witness key and the name of its log. */
    record Pinned(CosignerKey witness, String logOrigin) {}

    Optional<Pinned> pinned(PeerId peer) {
        return jdbc.sql("select witness_key, log_origin from federation_peer_witnessing where peer_id = ?")
                .param(peer.value())
                .query((row, n) -> new Pinned(
                        CosignerKey.parse(row.getString("witness_key")).orElseThrow(), row.getString("log_origin")))
                .optional();
    }

    /** Pins the peer's witness key, unless another node pinned one first. */
    void pin(PeerId peer, CosignerKey witness, String logOrigin, Instant at) {
        jdbc.sql("""
                insert into federation_peer_witnessing (peer_id, witness_key, log_origin, pinned_at)
                values (?, ?, ?, ?) on conflict (peer_id) do nothing""")
                .params(peer.value(), witness.encoded(), logOrigin, Timestamp.from(at))
                .update();
    }

    /** Forgets the peer's pinned key and what was witnessed of it; false when none was pinned. */
    boolean forget(PeerId peer) {
        return jdbc.sql("delete from federation_peer_witnessing where peer_id = ?")
                        .param(peer.value())
                        .update()
                > 0;
    }

    /** Records a round's result: the size cosigned, or the reason none was. */
    void checked(PeerId peer, Instant at, Outcome<Long> outcome) {
        Long size = outcome instanceof Outcome.Done<Long> done ? done.value() : null;
        String text = outcome instanceof Outcome.Refused<Long> refused
                ? refused.refusal().message()
                : "cosigned the checkpoint of size " + size;
        PeerWitnessState.Reason reason = outcome instanceof Outcome.Refused<Long> refused
                ? PeerWitnessState.Reason.of(refused.refusal())
                : PeerWitnessState.Reason.cosigned(size == null ? 0 : size);
        jdbc.sql("""
                update federation_peer_witnessing set checked_at = ?, outcome = ?, outcome_code = ?,
                  outcome_template = ?, outcome_arguments = ?, cosigned_size = coalesce(?, cosigned_size)
                where peer_id = ?""")
                .params(
                        Timestamp.from(at),
                        text,
                        reason.code(),
                        reason.template(),
                        reason.arguments().toArray(String[]::new),
                        size,
                        peer.value())
                .update();
    }

    /** Every peer's witnessing state, without alarms, by peer name. */
    List<PeerWitnessState> all() {
        return jdbc.sql("""
                select w.*, p.name from federation_peer_witnessing w join federation_peer p on p.id = w.peer_id
                order by lower(p.name), p.id""").query(PeerWitnessStore::state).list();
    }

    private static PeerWitnessState state(ResultSet row, int n) throws SQLException {
        Timestamp checked = row.getTimestamp("checked_at");
        long size = row.getLong("cosigned_size");
        return new PeerWitnessState(
                new PeerId(row.getObject("peer_id", UUID.class)),
                row.getString("name"),
                row.getString("witness_key"),
                row.getString("log_origin"),
                row.getTimestamp("pinned_at").toInstant(),
                checked == null ? null : checked.toInstant(),
                row.wasNull() ? null : size,
                row.getString("outcome"),
                reason(row),
                List.of());
    }

    private static PeerWitnessState.@Nullable Reason reason(ResultSet row) throws SQLException {
        String code = row.getString("outcome_code");
        if (code == null) {
            return null;
        }
        java.sql.Array arguments = row.getArray("outcome_arguments");
        return new PeerWitnessState.Reason(
                code,
                row.getString("outcome_template"),
                arguments == null ? List.of() : List.of((String[]) arguments.getArray()));
    }
}
