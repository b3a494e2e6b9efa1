package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-incident reviews: the security team reads the review of an incident it may see, handlers and coordinators
 * save it as a draft or complete it. Every save publishes a {@link ReviewChanged} that the audit trail records in the
 * same transaction, and a {@link KnowledgeManagement.ReviewSaved} for recurrence detection.
 */
@Component
class Reviewing {

    private final Reviews reviews;
    private final CorrectiveActionTracking actions;
    private final RootCauseVocabulary rootCauses;
    private final KnowledgeAccess access;
    private final IncidentsForSystem incidents;
    private final KnowledgeSettings.Review settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviewing(
            Reviews reviews,
            CorrectiveActionTracking actions,
            RootCauseVocabulary rootCauses,
            KnowledgeAccess access,
            IncidentsForSystem incidents,
            KnowledgeSettings.Review settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reviews = reviews;
        this.actions = actions;
        this.rootCauses = rootCauses;
        this.access = access;
        this.incidents = incidents;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The review of an incident, for staff who may see it; one not started yet is an empty draft of version 0. */
    @Transactional(readOnly = true)
    Outcome<Review> review(IncidentId id) {
        Actor actor = access.requireActor();
        Optional<IncidentView> incident = access.visibleIncident(id);
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!KnowledgeAccess.readsReviews(actor)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_STAFF_READ_REVIEWS));
        }
        return Outcome.done(reviewOf(incident.get()));
    }

    /**
     * Whether the review of the incident is due to be written (see {@link Review#due}); the incident page shows the
     * review from then on. Only for an incident whose review the signed-in user was allowed to read.
     */
    @Transactional(readOnly = true)
    boolean isDue(IncidentId id) {
        return incidents
                .incident(id)
                .filter(incident -> Review.due(
                        incident.status(),
                        settings.requiredPriorities().contains(incident.priorityLevel()),
                        reviews.find(id).isPresent()))
                .isPresent();
    }

    /** Whether the signed-in user may write the review of this incident. */
    @Transactional(readOnly = true)
    boolean mayWrite(IncidentId id) {
        return KnowledgeAccess.writesReviews(access.requireActor())
                && access.visibleIncident(id).isPresent();
    }

    /** Whether the incident has a completed review; for the rule that refuses to close without one. */
    @Transactional(readOnly = true)
    boolean hasCompleted(IncidentId id) {
        return reviews.isCompleted(id);
    }

    /**
     * Saves the review of an incident as a draft, or saves and completes it; completing needs a summary and a root
     * cause. {@code draft.version()} must be the stored version (0 before the first save).
     */
    @Transactional
    Outcome<Review> save(IncidentId id, ReviewDraft draft, boolean complete) {
        Actor actor = access.requireActor();
        Optional<Refusal> refusal = access.reviewWriteRefusal(actor, id);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        IncidentView incident = incidents.incident(id).orElseThrow();
        PostIncidentReview before = PostIncidentReview.of(incident, reviews.find(id));
        ReviewContent content = ReviewContent.of(draft);
        Instant now = clock.instant();
        Outcome<PostIncidentReview.Saved> saved = content.problem()
                .or(() -> rootCauses.choiceProblem(content.rootCause(), before.rootCause()))
                .<Outcome<PostIncidentReview.Saved>>map(Outcome::refused)
                .orElseGet(() -> complete
                        ? before.complete(content, actor.displayName(), now)
                        : Outcome.done(before.saveDraft(content, now)));
        return saved.flatMap(change -> store(before, change, draft.version())).map(change -> {
            events.publishEvent(new ReviewChanged(
                    id,
                    actor.ref(),
                    now,
                    change.verb(),
                    before.stored() ? Optional.of(before.digest()) : Optional.empty(),
                    Optional.of(change.review().digest())));
            events.publishEvent(new KnowledgeManagement.ReviewSaved(id));
            return reviewOf(incident);
        });
    }

    /** Stores a saved review if its author saw the stored version; refused as stale if not. */
    private Outcome<PostIncidentReview.Saved> store(
            PostIncidentReview before, PostIncidentReview.Saved change, long seenVersion) {
        if (seenVersion != before.version()) {
            return Outcome.refused(Refusal.stale(seenVersion, before.version()));
        }
        if (!before.stored()) {
            reviews.insert(change.review());
        } else if (!reviews.update(change.review(), before.version())) {
            return Outcome.refused(Refusal.stale(seenVersion, before.version() + 1));
        }
        return Outcome.done(change);
    }

    private Review reviewOf(IncidentView incident) {
        PostIncidentReview review = PostIncidentReview.of(incident, reviews.find(incident.id()));
        String label = review.rootCause() == null ? null : rootCauses.labelOf(review.rootCause());
        return Review.of(review, label, actions.of(incident.id()));
    }
}
