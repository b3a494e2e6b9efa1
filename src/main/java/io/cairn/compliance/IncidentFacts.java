package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored regime facts of incidents: every version of each, none overwritten. */
@Component
class IncidentFacts {

    private final JdbcClient jdbc;

    IncidentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident's facts with their histories, newest version first, by fact. */
    Map<FactKey, RegimeFactView> of(IncidentId incident) {
        Map<FactKey, List<RegimeFactView.Version>> versions = new LinkedHashMap<>();
        jdbc.sql("select fact, version, at, justification, set_by, set_by_name, set_at from compliance_fact "
                        + "where incident_id = ? order by fact, version desc")
                .param(incident.value())
                .query((row, n) -> {
                    FactKey key = FactKey.parse(row.getString("fact")).orElseThrow();
                    versions.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new RegimeFactView.Version(
                                    row.getLong("version"),
                                    row.getTimestamp("at").toInstant(),
                                    row.getString("justification"),
                                    new UserId(row.getObject("set_by", UUID.class)),
                                    row.getString("set_by_name"),
                                    row.getTimestamp("set_at").toInstant()));
                    return key;
                })
                .list();
        Map<FactKey, RegimeFactView> facts = new LinkedHashMap<>();
        versions.forEach((key, list) -> facts.put(key, RegimeFactView.of(key, list)));
        return facts;
    }

    /** The fact of the incident, if it was ever set. */
    Optional<RegimeFactView> find(IncidentId incident, FactKey key) {
        return Optional.ofNullable(of(incident).get(key));
    }

    /** The latest version of the fact; 0 when it was never set. */
    long version(IncidentId incident, FactKey key) {
        return jdbc.sql("select coalesce(max(version), 0) from compliance_fact where incident_id = ? and fact = ?")
                .params(incident.value(), key.toString())
                .query(Long.class)
                .single();
    }

    /** Adds the version after {@code version}; false when another writer added it first. */
    boolean add(IncidentId incident, FactKey key, long version, RegimeFactView.Version next) {
        return jdbc.sql("insert into compliance_fact (incident_id, fact, version, at, justification, set_by, "
                                + "set_by_name, set_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                incident.value(),
                                key.toString(),
                                version + 1,
                                Timestamp.from(next.at()),
                                next.justification(),
                                next.setBy().value(),
                                next.setByName(),
                                Timestamp.from(next.setAt()))
                        .update()
                == 1;
    }

    /** The instant of each fact of the incident as it stands, by {@code regime.trigger}. */
    Map<String, Instant> instants(IncidentId incident) {
        Map<String, Instant> instants = new LinkedHashMap<>();
        of(incident).forEach((key, fact) -> instants.put(key.toString(), fact.at()));
        return instants;
    }
}
