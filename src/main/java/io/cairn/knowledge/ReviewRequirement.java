package io.cairn.knowledge;

import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Status;
import io.cairn.incidents.TransitionRule;
import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rule that an incident of a priority that requires it ({@code cairn.review.required-priorities}, by default
 * P1 and P2) is not closed before its post-incident review is completed.
 */
@Component
class ReviewRequirement implements TransitionRule {

    private final KnowledgeManagement knowledge;
    private final KnowledgeSettings.Review settings;

    ReviewRequirement(KnowledgeManagement knowledge, KnowledgeSettings.Review settings) {
        this.knowledge = knowledge;
        this.settings = settings;
    }

    @Override
    public Optional<Refusal> refusal(IncidentView incident, Status to) {
        if (to != Status.CLOSED
                || !settings.requiredPriorities().contains(incident.priorityLevel())
                || knowledge.hasCompletedReview(incident.id())) {
            return Optional.empty();
        }
        return Optional.of(
                Refusal.invalid("to", KnowledgeRefusals.REVIEW_REQUIRED, String.valueOf(incident.priority())));
    }
}
