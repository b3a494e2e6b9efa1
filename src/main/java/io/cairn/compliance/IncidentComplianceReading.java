package io.cairn.compliance;

import io.cairn.incidents.IncidentView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Reads an incident's compliance: its facts and decisions, the legal entity, GDPR's short investigation. */
@Component
class IncidentComplianceReading {

    private static final FactKey GDPR_AWARENESS = new FactKey("gdpr", "awareness");

    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final RecordableFacts recordable;
    private final IncidentEntities entities;
    private final ObligationReading obligations;

    IncidentComplianceReading(
            IncidentFacts facts,
            IncidentDecisions decisions,
            RecordableFacts recordable,
            IncidentEntities entities,
            ObligationReading obligations) {
        this.facts = facts;
        this.decisions = decisions;
        this.recordable = recordable;
        this.entities = entities;
        this.obligations = obligations;
    }

    IncidentComplianceView of(ComplianceAccess.IncidentGrant grant) {
        IncidentView incident = grant.incident();
        var stored = facts.of(incident.id());
        Instant detected = incident.detectedAt();
        RegimeFactView awareness = stored.get(GDPR_AWARENESS);
        Duration investigation =
                detected == null || awareness == null ? null : Duration.between(detected, awareness.at());
        IncidentEntities.Found entity = entities.of(incident);
        var decided = decisions.of(incident.id());
        return new IncidentComplianceView(
                incident.id(),
                grant.mayRecord(),
                detected,
                investigation,
                List.copyOf(stored.values()),
                List.copyOf(decided.values()),
                DecisionContexts.specialOrCriminal(decided.get(DecisionKind.PERSONAL_DATA_BREACH)),
                recordable.all().stream().map(FactKey::toString).toList(),
                obligations.ofIncident(incident.id()),
                entity.entity().map(found -> found.profile().name()).orElse(null),
                entity.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
