package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.shared.Tlp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The observables of incidents, and the incidents that share one: by the index on type and value, and only those the
 * reader may see, by {@link IncidentAccess}'s rule in SQL.
 */
@Component
class Observables {

    /** The most other incidents shown for one observable. */
    static final int MAX_SEEN_IN = 20;

    private static final String COLUMNS =
            "id, incident_id, type, value, tlp, ioc, source, note, added_by_name, added_at, version";

    private final JdbcClient jdbc;
    private final ObservableTypes types;

    Observables(JdbcClient jdbc, ObservableTypes types) {
        this.jdbc = jdbc;
        this.types = types;
    }

    /** Adds the observable unless the incident has it (same type and value); false when it had. */
    boolean add(IncidentId incident, IncidentObservable observable, @Nullable String addedBy) {
        return jdbc.sql("""
                insert into incident_observable
                  (id, incident_id, type, value, tlp, ioc, source, note, added_by, added_by_name, added_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (incident_id, type, value) do nothing""")
                        .params(
                                observable.id().value(),
                                incident.value(),
                                observable.type(),
                                observable.value(),
                                observable.tlp().name(),
                                observable.ioc(),
                                observable.source().code(),
                                observable.note(),
                                addedBy,
                                observable.addedBy(),
                                Timestamp.from(observable.addedAt()))
                        .update()
                > 0;
    }

    /** The incident's observables, oldest first, without the incidents that share them. */
    List<IncidentObservable> of(IncidentId incident) {
        return jdbc.sql("select " + COLUMNS + " from incident_observable where incident_id = ? order by added_at, id")
                .param(incident.value())
                .query((row, n) -> observable(row))
                .list();
    }

    /** One observable of the incident. */
    Optional<IncidentObservable> find(IncidentId incident, ObservableId id) {
        return jdbc.sql("select " + COLUMNS + " from incident_observable where id = ? and incident_id = ?")
                .params(id.value(), incident.value())
                .query((row, n) -> observable(row))
                .optional();
    }

    /** Changes marking, flag and note if the stored version is the expected one; false otherwise. */
    boolean revise(IncidentId incident, ObservableId id, Tlp tlp, boolean ioc, @Nullable String note, long version) {
        return jdbc.sql("""
                update incident_observable set tlp = ?, ioc = ?, note = ?, version = version + 1
                where id = ? and incident_id = ? and version = ?""")
                        .params(tlp.name(), ioc, note, id.value(), incident.value(), version)
                        .update()
                > 0;
    }

    /** Removes the observable if the stored version is the expected one; false otherwise. */
    boolean remove(IncidentId incident, ObservableId id, long version) {
        return jdbc.sql("delete from incident_observable where id = ? and incident_id = ? and version = ?")
                        .params(id.value(), incident.value(), version)
                        .update()
                > 0;
    }

    /**
     * For each observable of the incident, the other incidents with the same type and value that the reader may see,
     * most recently reported first, at most {@value #MAX_SEEN_IN} each.
     */
    Map<ObservableId, List<SeenIn>> seenIn(IncidentId incident, Actor reader) {
        List<Object> parameters = new ArrayList<>();
        String visible = IncidentAccess.visibleCondition(reader, parameters);
        parameters.add(incident.value());
        Map<ObservableId, List<SeenIn>> seen = new LinkedHashMap<>();
        jdbc.sql("""
                select mine.id as observable, other.id, other.number, other.title, other.status
                from incident_observable mine
                cross join lateral (
                  select i.id, i.number, i.title, i.status, i.reported_at
                  from incident_observable o join incident i on i.id = o.incident_id
                  where o.type = mine.type and o.value = mine.value and o.incident_id <> mine.incident_id
                    and %s
                  order by i.reported_at desc, i.id limit %d) other
                where mine.incident_id = ?
                order by other.reported_at desc""".formatted(visible, MAX_SEEN_IN))
                .params(parameters)
                .query((row, n) -> seen.computeIfAbsent(
                                new ObservableId(row.getObject("observable", UUID.class)), key -> new ArrayList<>())
                        .add(seenIn(row)))
                .list();
        return seen;
    }

    /** The incidents the reader may see that have this observable, most recently reported first. */
    List<SeenIn> incidentsWith(String type, String value, Actor reader, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(type);
        parameters.add(value);
        String visible = IncidentAccess.visibleCondition(reader, parameters);
        parameters.add(limit);
        return jdbc.sql("""
                select i.id, i.number, i.title, i.status
                from incident_observable o join incident i on i.id = o.incident_id
                where o.type = ? and o.value = ? and %s
                order by i.reported_at desc, i.id limit ?""".formatted(visible))
                .params(parameters)
                .query((row, n) -> seenIn(row))
                .list();
    }

    private static SeenIn seenIn(ResultSet row) throws SQLException {
        return new SeenIn(
                new IncidentId(row.getObject("id", UUID.class)),
                "INC-" + row.getLong("number"),
                row.getString("title"),
                Status.valueOf(row.getString("status")));
    }

    private IncidentObservable observable(ResultSet row) throws SQLException {
        String type = row.getString("type");
        return new IncidentObservable(
                new ObservableId(row.getObject("id", UUID.class)),
                type,
                types.find(type).map(ObservableType::label).orElse(type),
                row.getString("value"),
                Tlp.valueOf(row.getString("tlp")),
                row.getBoolean("ioc"),
                ObservableSource.fromCode(row.getString("source")),
                row.getString("note"),
                row.getString("added_by_name"),
                row.getTimestamp("added_at").toInstant(),
                row.getLong("version"),
                List.of());
    }
}
