package io.cairn.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links between incidents: related, duplicate of, parent of. */
@Component
class Links {

    private final JdbcClient jdbc;

    Links(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the link; false when it already existed. */
    boolean add(IncidentId source, IncidentId target, LinkKind kind, Instant at) {
        return jdbc.sql("insert into incident_link (source_id, target_id, kind, created_at) values (?, ?, ?, ?) "
                                + "on conflict do nothing")
                        .params(source.value(), target.value(), kind.name(), java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    boolean exists(IncidentId a, IncidentId b, LinkKind kind) {
        return jdbc.sql("select count(*) from incident_link where kind = ? and "
                                + "((source_id = ? and target_id = ?) or (source_id = ? and target_id = ?))")
                        .params(kind.name(), a.value(), b.value(), b.value(), a.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<IncidentId> parentOf(IncidentId child) {
        return jdbc.sql("select source_id from incident_link where kind = 'PARENT_OF' and target_id = ?")
                .param(child.value())
                .query(UUID.class)
                .optional()
                .map(IncidentId::new);
    }

    /** Every link touching the incident, with the other incident's reference and title. */
    List<IncidentLink> of(IncidentId incident) {
        return jdbc.sql("""
                select l.kind, true as outgoing, o.id, o.number, o.title
                  from incident_link l join incident o on o.id = l.target_id where l.source_id = ?
                union all
                select l.kind, false as outgoing, o.id, o.number, o.title
                  from incident_link l join incident o on o.id = l.source_id where l.target_id = ?
                order by 4""")
                .params(incident.value(), incident.value())
                .query((row, n) -> new IncidentLink(
                        LinkKind.valueOf(row.getString("kind")),
                        row.getBoolean("outgoing"),
                        new IncidentId(row.getObject("id", UUID.class)),
                        IncidentView.referenceOf(row.getLong("number")),
                        row.getString("title")))
                .list();
    }
}
