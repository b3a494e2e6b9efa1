package io.cairn.compliance;

import io.cairn.incidents.IncidentView;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What a decision's rules know about an incident besides the inputs: its other decisions, facts and legal entity. */
@Component
class DecisionContexts {

    private static final FactKey MATERIALITY = new FactKey("sec-8k", "materiality-determined");

    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final IncidentEntities entities;
    private final Obligations obligations;
    private final NoticeTexts notices;

    DecisionContexts(
            IncidentFacts facts,
            IncidentDecisions decisions,
            IncidentEntities entities,
            Obligations obligations,
            NoticeTexts notices) {
        this.facts = facts;
        this.decisions = decisions;
        this.entities = entities;
        this.obligations = obligations;
        this.notices = notices;
    }

    /** Whether the personal-data-breach decision says special-category or criminal data is involved. */
    static boolean specialOrCriminal(@org.jspecify.annotations.Nullable DecisionView personalDataBreach) {
        return personalDataBreach != null
                && PersonalDataBreachRule.specialOrCriminal(DecisionInputs.stored(
                        DecisionRule.of(DecisionKind.PERSONAL_DATA_BREACH).inputs(),
                        personalDataBreach.current().inputs()));
    }

    DecisionContext of(IncidentView incident) {
        Map<DecisionKind, DecisionView> decided = decisions.of(incident.id());
        DecisionView risk = decided.get(DecisionKind.GDPR_RISK);
        Long turnover = entities.of(incident)
                .entity()
                .map(entity -> entity.profile().annualTurnoverEur())
                .orElse(null);
        return new DecisionContext(
                specialOrCriminal(decided.get(DecisionKind.PERSONAL_DATA_BREACH)),
                turnover,
                incident.detectedAt(),
                facts.find(incident.id(), MATERIALITY).map(RegimeFactView::at).orElse(null),
                risk == null ? null : risk.current().result(),
                subjectsTold(incident));
    }

    /** Whether a data-subjects stage of the incident was submitted, or its notice started sending. */
    private boolean subjectsTold(IncidentView incident) {
        return obligations.ofIncident(incident.id()).stream().anyMatch(obligation -> {
            StageState stage = obligation.stages().get(DataSubjectNotices.STAGE);
            return stage != null
                    && (stage.submittedAt() != null
                            || notices.frozen(obligation.id(), DataSubjectNotices.STAGE)
                                    .isPresent());
        });
    }
}
