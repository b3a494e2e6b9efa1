package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored decision records of incidents: every version of each, none overwritten. */
@Component
class IncidentDecisions {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {};
    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {};

    private final JdbcClient jdbc;

    IncidentDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident's decision records with their re-assessments, newest first, by kind. */
    Map<DecisionKind, DecisionView> of(IncidentId incident) {
        Map<DecisionKind, List<DecisionView.Version>> versions = new EnumMap<>(DecisionKind.class);
        jdbc.sql("select kind, version, inputs::text as inputs, criteria::text as criteria, result, rationale, "
                        + "override_reason, established_at, decided_by, decided_by_name, decided_at "
                        + "from compliance_decision where incident_id = ? order by kind, version desc")
                .param(incident.value())
                .query((row, n) -> {
                    DecisionKind kind = DecisionKind.of(row.getString("kind")).orElseThrow();
                    versions.computeIfAbsent(kind, k -> new ArrayList<>()).add(version(row));
                    return kind;
                })
                .list();
        Map<DecisionKind, DecisionView> decisions = new EnumMap<>(DecisionKind.class);
        versions.forEach((kind, list) -> decisions.put(kind, DecisionView.of(kind, list)));
        return decisions;
    }

    /** The decision record of the kind, if one was ever made. */
    Optional<DecisionView> find(IncidentId incident, DecisionKind kind) {
        return Optional.ofNullable(of(incident).get(kind));
    }

    /** Adds the version after {@code version}; false when another writer added it first. */
    boolean add(IncidentId incident, DecisionKind kind, long version, DecisionView.Version next) {
        return jdbc.sql("insert into compliance_decision (incident_id, kind, version, inputs, criteria, result, "
                                + "rationale, override_reason, established_at, decided_by, decided_by_name, "
                                + "decided_at) values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) "
                                + "on conflict do nothing")
                        .params(
                                incident.value(),
                                kind.code(),
                                version + 1,
                                json.writeValueAsString(next.inputs()),
                                json.writeValueAsString(next.criteria()),
                                next.result(),
                                next.rationale(),
                                next.overrideReason(),
                                Timestamp.from(next.establishedAt()),
                                next.decidedBy().value(),
                                next.decidedByName(),
                                Timestamp.from(next.decidedAt()))
                        .update()
                == 1;
    }

    private static DecisionView.Version version(ResultSet row) throws SQLException {
        return new DecisionView.Version(
                row.getLong("version"),
                json.readValue(row.getString("inputs"), INPUTS),
                json.readValue(row.getString("criteria"), CRITERIA),
                row.getString("result"),
                row.getString("rationale"),
                row.getString("override_reason"),
                row.getTimestamp("established_at").toInstant(),
                new UserId(row.getObject("decided_by", UUID.class)),
                row.getString("decided_by_name"),
                row.getTimestamp("decided_at").toInstant());
    }
}
