package io.cairn.incidents;

import io.cairn.shared.AuditedStates;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incidents' current states as the audit trail's digests: the digest of each stored incident's snapshot, which
 * verification compares with the digest of its latest state-changing record to find incidents changed outside Cairn.
 * Rows are read as Spring Data JDBC reads them (enums by name, times as instants), a batch at a time in order of id.
 */
@Component
class IncidentStates implements AuditedStates {

    /**
     * A report's record holds the new incident's snapshot; so do the records of the changes of its state, which are
     * the records of {@link IncidentChanged.StateChange}.
     */
    static final Set<String> STATE_ACTIONS = Stream.concat(
                    Stream.of(IncidentReported.class),
                    Arrays.stream(IncidentChanged.StateChange.class.getPermittedSubclasses()))
            .map(type -> "incident." + verbOf(type))
            .collect(Collectors.toUnmodifiableSet());

    /** The columns of the aggregate; not the search vector, which is derived and large. */
    static final String COLUMNS = """
            id, number, title, description, category_class, category_type, determination, severity, impact, urgency,
            priority, tlp, pap, reporter_id, owner_id, team_id, business_unit_id, confidential, status, resolution,
            dismissal_reason, merged_into, occurred_at, detected_at, reported_at, acknowledged_at, responded_at,
            contained_at, eradicated_at, recovered_at, closed_at, updated_at, asset_id, template, detection_source,
            detected_by, version""";

    private final JdbcClient jdbc;

    IncidentStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return "incident";
    }

    @Override
    public Set<String> stateActions() {
        return STATE_ACTIONS;
    }

    /** In order of id: PostgreSQL orders UUIDs by their bytes, which is the order of their lower-case text. */
    @Override
    public List<State> statesAfter(@Nullable String afterId, int limit) {
        List<Object> parameters = new ArrayList<>();
        if (afterId != null) {
            parameters.add(UUID.fromString(afterId));
        }
        parameters.add(limit);
        return jdbc.sql("select " + COLUMNS + " from incident" + (afterId == null ? "" : " where id > ?")
                        + " order by id limit ?")
                .params(parameters)
                .query((row, n) -> {
                    Incident incident = incident(row);
                    return new State(
                            incident.id().toString(),
                            incident.reference(),
                            ContentDigest.of(incident.snapshot()).hex());
                })
                .list();
    }

    /** The verb that a record of the incident's events declares as its {@code VERB}. */
    static String verbOf(Class<?> event) {
        try {
            return (String) event.getField("VERB").get(null);
        } catch (ReflectiveOperationException | ClassCastException noVerb) {
            throw new IllegalStateException(event + " declares no String VERB", noVerb);
        }
    }

    private static Incident incident(ResultSet row) throws SQLException {
        Incident incident = new Incident(
                row.getObject("id", UUID.class),
                row.getString("title"),
                row.getString("description"),
                row.getString("category_class"),
                row.getString("category_type"),
                Determination.valueOf(row.getString("determination")),
                Severity.valueOf(row.getString("severity")),
                row.getInt("impact"),
                row.getInt("urgency"),
                row.getInt("priority"),
                Tlp.valueOf(row.getString("tlp")),
                Pap.valueOf(row.getString("pap")),
                uuid(row, "reporter_id"),
                uuid(row, "owner_id"),
                uuid(row, "team_id"),
                uuid(row, "business_unit_id"),
                row.getBoolean("confidential"),
                Status.valueOf(row.getString("status")),
                row.getString("resolution"),
                row.getString("dismissal_reason"),
                uuid(row, "merged_into"),
                instant(row, "occurred_at"),
                instant(row, "detected_at"),
                requiredInstant(row, "reported_at"),
                instant(row, "acknowledged_at"),
                instant(row, "responded_at"),
                instant(row, "contained_at"),
                instant(row, "eradicated_at"),
                instant(row, "recovered_at"),
                instant(row, "closed_at"),
                requiredInstant(row, "updated_at"),
                uuid(row, "asset_id"),
                row.getString("template"),
                detectionSource(row.getString("detection_source")),
                row.getString("detected_by"));
        incident.stored(row.getLong("number"), row.getLong("version"));
        return incident;
    }

    private static @Nullable DetectionSource detectionSource(@Nullable String name) {
        return name == null ? null : DetectionSource.valueOf(name);
    }

    private static @Nullable UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** As an offset date-time: the driver reads a {@code Timestamp} through a {@code Calendar}, a cost per column. */
    private static Instant requiredInstant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
