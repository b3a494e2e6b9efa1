package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Pap;
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
import tools.jackson.databind.json.JsonMapper;

/** The publications as stored ({@code federation_publication}) with their audiences ({@code federation_audience}). */
@Component
class Publications {

    private static final JsonMapper json = ExchangeJson.MAPPER;
    private static final String COLUMNS = """
            select incident_id, exchange_id, exchange_version, summary, recommended_actions,
                   personal_data::text as personal_data, pap, hop_budget, snapshot, state, retraction_reason,
                   created_at, updated_at, version
            from federation_publication""";

    private final JdbcClient jdbc;

    Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Publication> find(IncidentId incident) {
        return read(COLUMNS + " where incident_id = ?", incident);
    }

    /** The publication, its row locked until the transaction ends, so that changes of one incident queue up. */
    Optional<Publication> lock(IncidentId incident) {
        return read(COLUMNS + " where incident_id = ? for update", incident);
    }

    private Optional<Publication> read(String sql, IncidentId incident) {
        return jdbc.sql(sql)
                .param(incident.value())
                .query(this::publication)
                .optional()
                .map(found -> withAudience(found, audience(incident)));
    }

    /** Stores a new publication; false when the incident was published in the meantime. */
    boolean add(Publication publication) {
        return jdbc.sql("""
                insert into federation_publication (incident_id, exchange_id, exchange_version, summary,
                  recommended_actions, personal_data, pap, hop_budget, extensions, snapshot, state, created_at,
                  updated_at, version)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, '{}'::jsonb, ?, ?, ?, ?, ?)
                on conflict (incident_id) do nothing""")
                        .params(
                                publication.incident().value(),
                                publication.exchangeId(),
                                publication.exchangeVersion(),
                                publication.words().summary(),
                                publication.words().recommendedActions().toArray(String[]::new),
                                personalData(publication.words()),
                                publication.words().pap().label(),
                                publication.words().hopBudget(),
                                publication.sent(),
                                publication.state(),
                                Timestamp.from(publication.createdAt()),
                                Timestamp.from(publication.updatedAt()),
                                publication.version())
                        .update()
                == 1;
    }

    /** Replaces what is stored of a publication of the given version; false when another change came first. */
    boolean change(Publication publication, long version) {
        return jdbc.sql("""
                update federation_publication set exchange_version = ?, summary = ?, recommended_actions = ?,
                  personal_data = ?::jsonb, pap = ?, hop_budget = ?, snapshot = ?, state = ?, retraction_reason = ?,
                  updated_at = ?, version = ?
                where incident_id = ? and version = ?""")
                        .params(
                                publication.exchangeVersion(),
                                publication.words().summary(),
                                publication.words().recommendedActions().toArray(String[]::new),
                                personalData(publication.words()),
                                publication.words().pap().label(),
                                publication.words().hopBudget(),
                                publication.sent(),
                                publication.state(),
                                publication.retractionReason(),
                                Timestamp.from(publication.updatedAt()),
                                publication.version(),
                                publication.incident().value(),
                                version)
                        .update()
                == 1;
    }

    void addToAudience(IncidentId incident, List<SubscriptionId> subscriptions, String chosenBy, Instant at) {
        if (subscriptions.isEmpty()) {
            return;
        }
        // one statement for the whole audience, which may be a thousand subscriptions
        jdbc.sql("""
                insert into federation_audience (incident_id, subscription_id, chosen_by, added_at)
                select ?, s.id, ?, ? from unnest(?::uuid[]) as s(id)
                on conflict do nothing""")
                .params(
                        incident.value(),
                        chosenBy,
                        Timestamp.from(at),
                        subscriptions.stream().map(SubscriptionId::value).toArray(UUID[]::new))
                .update();
    }

    private List<Publication.Member> audience(IncidentId incident) {
        return jdbc.sql("""
                select subscription_id, chosen_by, added_at from federation_audience where incident_id = ?
                order by added_at, subscription_id""")
                .param(incident.value())
                .query((row, n) -> new Publication.Member(
                        new SubscriptionId(row.getObject("subscription_id", UUID.class)),
                        row.getString("chosen_by"),
                        row.getTimestamp("added_at").toInstant()))
                .list();
    }

    private static @Nullable String personalData(PublicationWords words) {
        return words.personalData() == null ? null : json.writeValueAsString(words.personalData());
    }

    private Publication publication(ResultSet row, int n) throws SQLException {
        String personal = row.getString("personal_data");
        return new Publication(
                new IncidentId(row.getObject("incident_id", UUID.class)),
                row.getObject("exchange_id", UUID.class),
                row.getLong("exchange_version"),
                new PublicationWords(
                        row.getString("summary"),
                        List.of((String[]) row.getArray("recommended_actions").getArray()),
                        personal == null ? null : json.readValue(personal, ExchangeMessage.PersonalData.class),
                        Pap.fromLabel(row.getString("pap")),
                        row.getInt("hop_budget")),
                row.getString("snapshot"),
                row.getString("state"),
                row.getString("retraction_reason"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"),
                List.of());
    }

    private static Publication withAudience(Publication p, List<Publication.Member> audience) {
        return new Publication(
                p.incident(),
                p.exchangeId(),
                p.exchangeVersion(),
                p.words(),
                p.sent(),
                p.state(),
                p.retractionReason(),
                p.createdAt(),
                p.updatedAt(),
                p.version(),
                audience);
    }
}
