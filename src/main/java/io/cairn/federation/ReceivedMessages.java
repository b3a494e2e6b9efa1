package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What this instance received from its providers: every message by message id ({@code federation_received_message})
 * with what became of it, and, per provider and exchange id, the incident it became here
 * ({@code federation_received_incident}). Runs in the caller's transaction.
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

    /** What became of a received message: stored and waiting, applied, superseded, or failed for now. */
    enum State {
        ACCEPTED,
        APPLIED,
        SUPERSEDED,
        FAILED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A received message that is not applied yet, as the applier reads it.
     *
     * @param attempts how often applying it failed
     */
    record Pending(
            UUID messageId,
            long version,
            String jws,
            State state,
            int attempts,
            @Nullable Instant nextAttemptAt) {}

    /** A provider's incident that has messages waiting to be applied. */
    record PendingExchange(PeerId peer, UUID exchangeId) {}

    /** How many messages of a provider are in each state, and the ones that failed, with why. */
    record Standing(Map<State, Long> counts, List<Failure> failures) {

        Standing {
            counts = Map.copyOf(counts);
            failures = List.copyOf(failures);
        }

        long count(State state) {
            return counts.getOrDefault(state, 0L);
        }
    }

    /** A message that failed to apply: the reason, how often, and when it is tried again. */
    record Failure(UUID messageId, UUID exchangeId, long version, String reason, int attempts, Instant nextAttemptAt) {}

    /**
     * Takes the lock on one incident of one provider for the rest of the transaction, if no other transaction holds
     * it: whoever holds it is the one applying that incident's messages, one after the other.
     */
    boolean tryLockExchange(PeerId peer, UUID exchangeId) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param("federation-received:" + peer + ":" + exchangeId)
                .query(Boolean.class)
                .single());
    }

    /** A verified message, as {@link #acceptAll} stores it: its provider, how it came, and its JWS with its digest. */
    record Incoming(
            UUID messageId,
            PeerView provider,
            Via via,
            UUID exchangeId,
            long version,
            String kind,
            String sha256,
            String jws) {}

    /**
     * Stores verified messages as accepted in one statement, and answers the ids of those stored: a message whose id,
     * or whose provider's incident and version, is stored already is a duplicate and left out. The messages hold no
     * two of one id or of one provider's incident and version ({@link MessageReceipts} keeps the first).
     */
    Set<UUID> acceptAll(List<Incoming> messages, Instant now) {
        return new HashSet<>(jdbc.sql("""
                        insert into federation_received_message (message_id, peer_id, exchange_id, version, kind,
                          outcome, via, sha256, jws, received_at)
                        select m.message_id, m.peer_id, m.exchange_id, m.version, m.kind, 'accepted', m.via,
                               m.sha256, m.jws, ?
                        from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::bigint[], ?::text[], ?::text[],
                                    ?::text[])
                               as m(message_id, peer_id, via, exchange_id, version, kind, sha256, jws)
                        where not exists (select 1 from federation_received_message r
                                          where r.peer_id = m.peer_id and r.exchange_id = m.exchange_id
                                            and r.version = m.version)
                        on conflict (message_id) do nothing
                        returning message_id""")
                .params(
                        Timestamp.from(now),
                        messages.stream().map(Incoming::messageId).toArray(UUID[]::new),
                        messages.stream()
                                .map(message -> message.provider().id().value())
                                .toArray(UUID[]::new),
                        messages.stream().map(message -> message.via().code()).toArray(String[]::new),
                        messages.stream().map(Incoming::exchangeId).toArray(UUID[]::new),
                        messages.stream().map(Incoming::version).toArray(Long[]::new),
                        messages.stream().map(Incoming::kind).toArray(String[]::new),
                        messages.stream().map(Incoming::sha256).toArray(String[]::new),
                        messages.stream().map(Incoming::jws).toArray(String[]::new))
                .query((row, n) -> row.getObject(1, UUID.class))
                .list());
    }

    /**
     * The incidents with messages to apply, longest waiting first: those with an accepted message or a failed one
     * due again, but none whose failed message waits for its next attempt (a later version waits behind it).
     *
     * <p>The incidents that wait are looked up in a hashed set (a {@code not in} of non-null columns): a correlated
     * anti-join, planned while the table's statistics still counted a few thousand rows right after a catch-up stored
     * 100,000, compared every pending message with every stored one and ran for more than ten minutes.
     */
    List<PendingExchange> pendingExchanges(int limit, Instant now) {
        return jdbc.sql("""
                        select m.peer_id, m.exchange_id from federation_received_message m
                        where m.outcome in ('accepted', 'failed')
                          and (m.outcome = 'accepted' or m.next_attempt_at <= ?)
                          and (m.peer_id, m.exchange_id) not in (
                            select f.peer_id, f.exchange_id from federation_received_message f
                            where f.outcome = 'failed' and f.next_attempt_at > ?)
                        group by m.peer_id, m.exchange_id
                        order by min(m.received_at)
                        limit ?""")
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query((row, n) -> new PendingExchange(
                        new PeerId(row.getObject("peer_id", UUID.class)), row.getObject("exchange_id", UUID.class)))
                .list();
    }

    /** The messages of one provider's incident not applied yet, in version order. */
    List<Pending> pending(PeerId peer, UUID exchangeId) {
        return jdbc.sql("""
                        select message_id, version, jws, outcome, attempts, next_attempt_at
                        from federation_received_message
                        where peer_id = ? and exchange_id = ? and outcome in ('accepted', 'failed')
                        order by version, received_at""")
                .params(peer.value(), exchangeId)
                .query((row, n) -> new Pending(
                        row.getObject("message_id", UUID.class),
                        row.getLong("version"),
                        row.getString("jws"),
                        State.valueOf(row.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
                        row.getInt("attempts"),
                        instant(row, "next_attempt_at")))
                .list();
    }

    /** Records that the message was applied, or superseded by a version as high applied before. */
    void settle(UUID messageId, State state, Instant now) {
        jdbc.sql("""
                update federation_received_message set outcome = ?, settled_at = ?, failure = null,
                  next_attempt_at = null
                where message_id = ?""").params(state.code(), Timestamp.from(now), messageId).update();
    }

    /** Records that applying the message failed, why, and when it is tried again. */
    void fail(UUID messageId, String reason, Instant nextAttemptAt) {
        jdbc.sql("""
                update federation_received_message set outcome = 'failed', attempts = attempts + 1, failure = ?,
                  next_attempt_at = ?
                where message_id = ? and outcome in ('accepted', 'failed')""").params(reason, Timestamp.from(nextAttemptAt), messageId).update();
    }

    /** How many messages of the provider are in each state, and its failed messages, at most this many. */
    Standing standing(PeerId peer, int maxFailures) {
        Map<State, Long> counts = new java.util.EnumMap<>(State.class);
        jdbc.sql("select outcome, count(*) from federation_received_message where peer_id = ? group by outcome")
                .param(peer.value())
                .query((row, n) ->
                        counts.put(State.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)), row.getLong(2)))
                .list();
        List<Failure> failures = jdbc.sql("""
                        select message_id, exchange_id, version, failure, attempts, next_attempt_at
                        from federation_received_message where peer_id = ? and outcome = 'failed'
                        order by received_at limit ?""")
                .params(peer.value(), maxFailures)
                .query((row, n) -> new Failure(
                        row.getObject("message_id", UUID.class),
                        row.getObject("exchange_id", UUID.class),
                        row.getLong("version"),
                        row.getString("failure"),
                        row.getInt("attempts"),
                        row.getTimestamp("next_attempt_at").toInstant()))
                .list();
        return new Standing(counts, failures);
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

    /**
     * The receipt of the provider's message of this version, whatever its state: the one being applied is still
     * accepted while what it changes is relayed.
     */
    Optional<Receipt> receiptOf(PeerId peer, UUID exchangeId, long version) {
        return jdbc.sql("""
                        select sha256, received_at, version from federation_received_message
                        where peer_id = ? and exchange_id = ? and version = ?
                        order by received_at limit 1""")
                .params(peer.value(), exchangeId, version)
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
