package io.cairn.risks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored proposals to mark risks materialized, one per risk and confirmed incident. */
@Repository
class RiskProposalRows {

    private final JdbcClient jdbc;

    RiskProposalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open proposal: the incident and when it was proposed. */
    record Open(UUID incident, Instant proposedAt) {}

    /** Stores an open proposal; false when the risk had one for the incident already, open or decided. */
    boolean add(RiskId risk, UUID incident, Instant now) {
        return jdbc.sql("""
                        insert into risk_proposal (risk_id, incident_id, proposed_at, state)
                        values (:risk, :incident, :now, 'open') on conflict do nothing""")
                        .param("risk", risk.value())
                        .param("incident", incident)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The open proposals of a risk, the oldest first. */
    List<Open> open(RiskId risk) {
        return jdbc.sql("""
                        select incident_id, proposed_at from risk_proposal where risk_id = :risk and state = 'open'
                        order by proposed_at, incident_id""")
                .param("risk", risk.value())
                .query((rs, row) -> new Open(
                        rs.getObject("incident_id", UUID.class),
                        rs.getTimestamp("proposed_at").toInstant()))
                .list();
    }

    /** Which of these risks have an open proposal. */
    Set<RiskId> withOpen(Collection<RiskId> risks) {
        if (risks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct risk_id from risk_proposal
                        where state = 'open' and risk_id in (:risks)""")
                .param("risks", risks.stream().map(RiskId::value).toList())
                .query((rs, row) -> new RiskId(rs.getObject("risk_id", UUID.class)))
                .list());
    }

    /** Decides an open proposal; false when there was no open one. */
    boolean decide(RiskId risk, UUID incident, boolean accepted, Instant now) {
        return jdbc.sql("""
                        update risk_proposal set state = :state, decided_at = :now
                        where risk_id = :risk and incident_id = :incident and state = 'open'""")
                        .param("state", accepted ? "accepted" : "dismissed")
                        .param("now", Timestamp.from(now))
                        .param("risk", risk.value())
                        .param("incident", incident)
                        .update()
                == 1;
    }
}
