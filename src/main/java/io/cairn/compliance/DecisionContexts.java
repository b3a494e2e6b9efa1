package io.cairn.compliance;

import io.cairn.incidents.IncidentView;
import org.springframework.stereotype.Component;

/** What a decision's rules know about an incident besides the inputs: its other decisions, facts and legal entity. */
@Component
class DecisionContexts {

    private static final FactKey MATERIALITY = new FactKey("sec-8k", "materiality-determined");

    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final IncidentEntities entities;

    DecisionContexts(IncidentFacts facts, IncidentDecisions decisions, IncidentEntities entities) {
        this.facts = facts;
        this.decisions = decisions;
        this.entities = entities;
    }

    /** Whether the personal-data-breach decision says special-category or criminal data is involved. */
    static boolean specialOrCriminal(@org.jspecify.annotations.Nullable DecisionView personalDataBreach) {
        return personalDataBreach != null
                && PersonalDataBreachRule.specialOrCriminal(DecisionInputs.stored(
                        DecisionRule.of(DecisionKind.PERSONAL_DATA_BREACH).inputs(),
                        personalDataBreach.current().inputs()));
    }

    DecisionContext of(IncidentView incident) {
        boolean special = specialOrCriminal(
                decisions.find(incident.id(), DecisionKind.PERSONAL_DATA_BREACH).orElse(null));
        Long turnover = entities.of(incident)
                .entity()
                .map(entity -> entity.profile().annualTurnoverEur())
                .orElse(null);
        return new DecisionContext(
                special,
                turnover,
                incident.detectedAt(),
                facts.find(incident.id(), MATERIALITY).map(RegimeFactView::at).orElse(null));
    }
}
