package io.cairn.federation;

import io.cairn.incidents.IncidentId;
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

/**
 * What this instance received from its providers: every message by message id ({@code federation_received_message})
 * and, per provider and exchange id, the incident it became here ({@code federation_received_incident}). Runs in the
 * caller's transaction.
 */
@Component
class ReceivedMessages {

    /** How a message came: pushed to the inbox or pulled from the provider's feed. */
    enum Via {
        PUSH,
        PULL;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A received incident as stored.
     *
     * @param version the version applied last
     * @param snapshot the incident part of that version's message, as JSON
     * @param lastChanges what that version changed, {@code field: old -> new}, as JSON
     */
    record ReceivedIncident(
            PeerId peer,
            UUID exchangeId,
            IncidentId incident,
            String reference,
            String providerName,
            long version,
            String snapshot,
            String lastChanges,
            @Nullable Instant retractedAt,
            @Nullable String retractionReason,
            @Nullable Instant personalDataAt,
            Instant receivedAt,
            Instant updatedAt) {}

    private static final String INCIDENT = """
            select peer_id, exchange_id, incident_id, incident_reference, provider_name, version, snapshot::text,
                   last_changes::text, retracted_at, retraction_reason, personal_data_at, received_at, updated_at
            from federation_received_incident""";

    private final JdbcClient jdbc;

    ReceivedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the messages about one incident of one provider until the transaction ends, so that two messages
     * about it (two copies of one, or two versions) are applied one after the other, never at once.
     */
    void lockExchange(PeerId peer, UUID exchangeId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("federation-received:" + peer + ":" + exchangeId)
                .query((row, n) -> 1)
                .list();
    }

    /** Whether a message with this id was received before, from any peer. */
    boolean seen(UUID messageId) {
        return jdbc.sql("select count(*) from federation_received_message where message_id = ?")
                        .param(messageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records a message; false when one with its id is recorded already. */
    boolean record(
            ExchangeMessage message, PeerId peer, String outcome, Via via, String sha256, String jws, Instant now) {
        return jdbc.sql("""
                        insert into federation_received_message (message_id, peer_id, exchange_id, version, kind,
                          outcome, via, sha256, jws, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                        .params(
                                message.messageId(),
                                peer.value(),
                                message.incident().id(),
                                message.incident().version(),
                                message.kind(),
                                outcome,
                                via.code(),
                                sha256,
                                jws,
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<ReceivedIncident> incident(PeerId peer, UUID exchangeId) {
        return jdbc.sql(INCIDENT + " where peer_id = ? and exchange_id = ?")
                .params(peer.value(), exchangeId)
                .query(ReceivedMessages::received)
                .optional();
    }

    Optional<ReceivedIncident> ofIncident(IncidentId incident) {
        return jdbc.sql(INCIDENT + " where incident_id = ?")
                .param(incident.value())
                .query(ReceivedMessages::received)
                .optional();
    }

    /** The received incidents among these incidents. */
    List<ReceivedIncident> ofIncidents(List<UUID> incidents) {
        return jdbc.sql(INCIDENT + " where incident_id = any(?)")
                .param(incidents.toArray(UUID[]::new))
                .query(ReceivedMessages::received)
                .list();
    }

    void add(ReceivedIncident received) {
        jdbc.sql("""
                insert into federation_received_incident (peer_id, exchange_id, incident_id, incident_reference,
                  provider_name, version, snapshot, last_changes, retracted_at, retraction_reason, received_at,
                  updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
                .params(
                        received.peer().value(),
                        received.exchangeId(),
                        received.incident().value(),
                        received.reference(),
                        received.providerName(),
                        received.version(),
                        received.snapshot(),
                        received.lastChanges(),
                        timestamp(received.retractedAt()),
                        received.retractionReason(),
                        Timestamp.from(received.receivedAt()),
                        Timestamp.from(received.updatedAt()))
                .update();
    }

    /** Stores a later version: its snapshot, what it changed, and whether it retracted the incident. */
    void update(ReceivedIncident received) {
        jdbc.sql("""
                update federation_received_incident set version = ?, snapshot = ?::jsonb, last_changes = ?::jsonb,
                  retracted_at = ?, retraction_reason = ?, updated_at = ?
                where peer_id = ? and exchange_id = ?""")
                .params(
                        received.version(),
                        received.snapshot(),
                        received.lastChanges(),
                        timestamp(received.retractedAt()),
                        received.retractionReason(),
                        Timestamp.from(received.updatedAt()),
                        received.peer().value(),
                        received.exchangeId())
                .update();
    }

    /** The last message applied of an incident from a provider: the receipt its relay's provenance names. */
    record Receipt(String sha256, Instant receivedAt, long version) {}

    Optional<Receipt> lastApplied(PeerId peer, UUID exchangeId) {
        return jdbc.sql("""
                        select sha256, received_at, version from federation_received_message
                        where peer_id = ? and exchange_id = ? and outcome = 'applied'
                        order by version desc limit 1""")
                .params(peer.value(), exchangeId)
                .query((row, n) -> new Receipt(
                        row.getString("sha256"), row.getTimestamp("received_at").toInstant(), row.getLong("version")))
                .optional();
    }

    /** Flags the incident's personal-data breach for the privacy officers; false when it was flagged before. */
    boolean flagPersonalData(PeerId peer, UUID exchangeId, Instant now) {
        return jdbc.sql("""
                        update federation_received_incident set personal_data_at = ?
                        where peer_id = ? and exchange_id = ? and personal_data_at is null""")
                        .params(Timestamp.from(now), peer.value(), exchangeId)
                        .update()
                == 1;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static ReceivedIncident received(ResultSet row, int n) throws SQLException {
        return new ReceivedIncident(
                new PeerId(row.getObject("peer_id", UUID.class)),
                row.getObject("exchange_id", UUID.class),
                new IncidentId(row.getObject("incident_id", UUID.class)),
                row.getString("incident_reference"),
                row.getString("provider_name"),
                row.getLong("version"),
                row.getString("snapshot"),
                row.getString("last_changes"),
                instant(row, "retracted_at"),
                row.getString("retraction_reason"),
                instant(row, "personal_data_at"),
                row.getTimestamp("received_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
