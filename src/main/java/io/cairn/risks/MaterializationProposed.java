package io.cairn.risks;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * RISK-3: an incident linked to an anticipated risk was confirmed (or a confirmed one was linked), so Cairn proposes to
 * its owner to mark the risk materialized. Recorded once per risk and incident.
 *
 * @param reference the incident's reference, such as {@code INC-12}
 */
public record MaterializationProposed(
        RiskId risk, String title, UserId owner, IncidentId incident, String reference, ActorRef actor, Instant at)
        implements AuditableEvent {

    @Override
    public String action() {
        return "risk.materialization-proposed";
    }

    @Override
    public String objectType() {
        return "risk";
    }

    @Override
    public String objectId() {
        return risk.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(incident.toString());
    }
}
