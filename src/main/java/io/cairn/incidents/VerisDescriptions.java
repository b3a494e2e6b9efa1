package io.cairn.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The stored VERIS descriptions of incidents, with the categories the metrics count. */
@Component
class VerisDescriptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    VerisDescriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident's description and when it was recorded; none when nobody described it. */
    Optional<Recorded> of(IncidentId incident) {
        return jdbc.sql(
                        "select description::text as description, recorded_at from incident_veris where incident_id = ?")
                .param(incident.value())
                .query((row, n) -> new Recorded(
                        JSON.readValue(row.getString("description"), VerisDescription.class),
                        row.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** A description as stored, with when it was recorded. */
    record Recorded(VerisDescription description, Instant at) {}

    /** Replaces the incident's description; an empty one removes it. */
    void replace(IncidentId incident, VerisDescription description, Instant at) {
        jdbc.sql("delete from incident_veris_category where incident_id = ?")
                .param(incident.value())
                .update();
        jdbc.sql("delete from incident_veris where incident_id = ?")
                .param(incident.value())
                .update();
        if (description.isEmpty()) {
            return;
        }
        jdbc.sql("insert into incident_veris (incident_id, description, recorded_at) values (?, ?::jsonb, ?)")
                .params(incident.value(), JSON.writeValueAsString(description), Timestamp.from(at))
                .update();
        description
                .categories()
                .forEach(categorised -> jdbc.sql(
                                "insert into incident_veris_category (incident_id, part, category) values (?, ?, ?)")
                        .params(
                                incident.value(),
                                categorised.part().name().toLowerCase(Locale.ROOT),
                                categorised.category())
                        .update());
    }
}
