package io.cairn.incidents;

import io.cairn.shared.StatementValues;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Inserts a newly reported incident with one plain statement. Reporting is the hot write path, and Spring Data
 * JDBC's generic insert rebuilds its SQL and converts every property reflectively on each call: a fifth of the
 * server's CPU per reported incident in the create benchmark (BENCHMARKS.md). Changes to an incident still go
 * through {@link Incidents#save}. The number comes from the sequence in the same statement, and the values are set
 * by {@link StatementValues}.
 */
class NewIncidentsImpl implements NewIncidents {

    static final String INSERT = """
            insert into incident (id, number, title, description, category_class, category_type, determination,
                                  severity, impact, urgency, priority, tlp, pap, reporter_id, owner_id, team_id,
                                  business_unit_id, confidential, status, resolution, dismissal_reason, merged_into,
                                  occurred_at, detected_at, reported_at, acknowledged_at, contained_at, recovered_at,
                                  closed_at, updated_at, asset_id, template, version)
            values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning number""";

    private final JdbcOperations jdbc;

    NewIncidentsImpl(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertNew(Incident incident) {
        incident.numbered(StatementValues.of(incident.insertValues()).returningNumber(jdbc, INSERT));
    }
}
