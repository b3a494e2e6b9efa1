package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.StatementValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only timeline of each incident: notes and changes, oldest first. */
@Component
class Timeline {

    /**
     * The kind of a note's entry; the other entries are of the verb of the event of their change (such as
     * {@link IncidentTransitioned#VERB}), so that the timeline and the audit trail name a change alike.
     */
    static final String NOTE = "note";

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcOperations statements;

    Timeline(JdbcClient jdbc, JdbcOperations statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    TimelineEntry append(
            IncidentId incident,
            Instant at,
            ActorRef actor,
            String kind,
            Map<String, String> details,
            @Nullable String note) {
        long id = StatementValues.of(
                        incident.value(), at, actor.id(), actor.name(), kind, json.writeValueAsString(details), note)
                .returningNumber(statements, """
                insert into incident_timeline (incident_id, at, actor_id, actor_name, kind, details, note)
                values (?, ?, ?, ?, ?, ?::jsonb, ?) returning id""");
        return new TimelineEntry(id, at, actor.name(), kind, details, note);
    }

    List<TimelineEntry> of(IncidentId incident) {
        return jdbc.sql("select id, at, actor_name, kind, details::text as details, note from incident_timeline "
                        + "where incident_id = ? order by at, id")
                .param(incident.value())
                .query((row, n) -> new TimelineEntry(
                        row.getLong("id"),
                        row.getTimestamp("at").toInstant(),
                        row.getString("actor_name"),
                        row.getString("kind"),
                        json.readValue(row.getString("details"), DETAILS),
                        row.getString("note")))
                .list();
    }

    /** Copies every entry of a merged incident into the one it was merged into, marked with where it came from. */
    void copyInto(IncidentId from, String fromReference, IncidentId into) {
        jdbc.sql("""
                insert into incident_timeline (incident_id, at, actor_id, actor_name, kind, details, note)
                select ?, at, actor_id, actor_name, kind,
                       details || jsonb_build_object('mergedFrom', ?::text), note
                from incident_timeline where incident_id = ? order by id""").params(into.value(), fromReference, from.value()).update();
    }
}
