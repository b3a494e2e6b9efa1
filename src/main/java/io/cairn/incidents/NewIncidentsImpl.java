package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.StatementValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Inserts a newly reported incident, with the first entry of its timeline, in one plain statement. Reporting is the
 * hot write path, and Spring Data JDBC's generic insert rebuilds its SQL and converts every property reflectively on
 * each call: a fifth of the server's CPU per reported incident in the create benchmark (BENCHMARKS.md); each round
 * trip to the database costs both sides too. Changes to an incident still go through {@link Incidents#save}, and
 * later timeline entries through {@link Timeline}. The number comes from the sequence in the same statement, and the
 * values are set by {@link StatementValues}.
 */
class NewIncidentsImpl implements NewIncidents {

    static final String INSERT = """
            with reported as (
              insert into incident (id, number, title, description, category_class, category_type, determination,
                                    severity, impact, urgency, priority, tlp, pap, reporter_id, owner_id, team_id,
                                    business_unit_id, confidential, status, resolution, dismissal_reason, merged_into,
                                    occurred_at, detected_at, reported_at, acknowledged_at, responded_at, contained_at,
                                    eradicated_at, recovered_at, closed_at, updated_at, asset_id, template,
                                    detection_source, detected_by, version)
              values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              returning id, number),
            first_entry as (
              insert into incident_timeline (incident_id, at, actor_id, actor_name, kind, details, note)
              select id, ?, ?, ?, 'reported',
                     jsonb_strip_nulls(jsonb_build_object('status', 'new', 'routingRule', ?::text)), null
              from reported)
            select number from reported""";

    private final JdbcOperations jdbc;

    NewIncidentsImpl(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertNew(Incident incident, Instant at, ActorRef by, @Nullable String routingRule) {
        List<@Nullable Object> values = new ArrayList<>(Arrays.asList(incident.insertValues()));
        values.addAll(Arrays.asList(at, by.id(), by.name(), routingRule));
        incident.numbered(StatementValues.of(values).returningNumber(jdbc, INSERT));
    }
}
