package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrective actions of post-incident reviews: handlers and coordinators add them to the review of an incident
 * they may see, the owner or they mark them done or open again, and coordinators follow them all. Every change
 * publishes a {@link ReviewChanged} that the audit trail records in the same transaction.
 */
@Component
class CorrectiveActionTracking {

    private static final int MAX_TITLE = 500;
    private static final int MAX_LISTED = 500;

    private final CorrectiveActions actions;
    private final Reviews reviews;
    private final KnowledgeAccess access;
    private final IncidentsForSystem incidents;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CorrectiveActionTracking(
            CorrectiveActions actions,
            Reviews reviews,
            KnowledgeAccess access,
            IncidentsForSystem incidents,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.actions = actions;
        this.reviews = reviews;
        this.access = access;
        this.incidents = incidents;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a corrective action to the review of an incident; starts the review as a draft if needed. */
    @Transactional
    Outcome<CorrectiveAction> add(IncidentId id, NewCorrectiveAction action) {
        Actor actor = access.requireActor();
        Optional<Refusal> refusal = access.reviewWriteRefusal(actor, id);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        String title = action.title() == null ? "" : action.title().strip();
        Optional<Refusal> problem = newActionProblem(title, action);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Instant now = clock.instant();
        IncidentView incident = incidents.incident(id).orElseThrow();
        PostIncidentReview review = PostIncidentReview.of(incident, reviews.find(id));
        if (!review.stored()) {
            // corrective actions belong to a stored review: an empty draft until someone writes it
            reviews.insert(review.saveDraft(ReviewContent.NONE, now).review());
        }
        CorrectiveActionItem added = CorrectiveActionItem.planned(
                id,
                incident.reference(),
                title,
                Objects.requireNonNull(action.owner()),
                Objects.requireNonNull(action.dueOn()));
        actions.add(added, now);
        events.publishEvent(new ReviewChanged(
                id,
                actor.ref(),
                now,
                ReviewChanged.Verb.ACTION_ADDED,
                Optional.empty(),
                Optional.of(added.contentDigest())));
        return Outcome.done(view(actions.find(added.id()).orElseThrow()));
    }

    /** Why a new corrective action cannot be added: no title, no owner who exists, no due date from today on. */
    private Optional<Refusal> newActionProblem(String title, NewCorrectiveAction action) {
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            return Optional.of(Refusal.invalid("title", KnowledgeRefusals.ACTION_TITLE_LENGTH));
        }
        if (action.owner() == null) {
            return Optional.of(Refusal.invalid("owner", KnowledgeRefusals.ACTION_NEEDS_OWNER));
        }
        if (!identity.userExists(action.owner())) {
            return Optional.of(Refusal.invalid("owner", SharedRefusals.USER_DOES_NOT_EXIST, action.owner()));
        }
        if (action.dueOn() == null) {
            return Optional.of(Refusal.invalid("dueOn", KnowledgeRefusals.ACTION_NEEDS_DUE_DATE));
        }
        if (action.dueOn().isBefore(today())) {
            return Optional.of(Refusal.invalid("dueOn", KnowledgeRefusals.LIES_IN_THE_PAST));
        }
        return Optional.empty();
    }

    /**
     * Marks a corrective action done, or open again; its owner, or a handler or coordinator who may see the
     * incident. {@code version} must be the stored version.
     */
    @Transactional
    Outcome<CorrectiveAction> mark(CorrectiveActionId id, boolean done, long version) {
        Actor actor = access.requireActor();
        Optional<CorrectiveActionItem> found = actions.find(id);
        if (found.isEmpty()
                || !found.get().owner().equals(actor.id())
                        && access.reviewWriteRefusal(actor, found.get().incident())
                                .isPresent()) {
            return Outcome.refused(Refusal.notFound("corrective action " + id));
        }
        CorrectiveActionItem before = found.get();
        if (before.version() != version) {
            return Outcome.refused(Refusal.stale(version, before.version()));
        }
        Instant now = clock.instant();
        CorrectiveActionItem after = done ? before.markDone(now) : before.reopen();
        if (!actions.save(after, version)) {
            return Outcome.refused(Refusal.stale(version, version + 1));
        }
        events.publishEvent(new ReviewChanged(
                before.incident(),
                actor.ref(),
                now,
                done ? ReviewChanged.Verb.ACTION_DONE : ReviewChanged.Verb.ACTION_REOPENED,
                Optional.of(before.stateDigest()),
                Optional.of(after.stateDigest())));
        return Outcome.done(view(actions.find(id).orElseThrow()));
    }

    /** One corrective action, for its owner and for those who read the reviews of incidents they may see. */
    @Transactional
    Outcome<CorrectiveAction> one(CorrectiveActionId id) {
        Actor actor = access.requireActor();
        Optional<CorrectiveActionItem> found = actions.find(id);
        boolean reads = found.isPresent()
                && (found.get().owner().equals(actor.id())
                        || KnowledgeAccess.readsReviews(actor)
                                && access.visibleIncident(found.get().incident())
                                        .isPresent());
        return reads ? Outcome.done(view(found.get())) : Outcome.refused(Refusal.notFound("corrective action " + id));
    }

    /** The corrective actions of every review, the open ones only if asked, earliest due first (coordinators). */
    @Transactional(readOnly = true)
    Outcome<List<CorrectiveAction>> all(boolean openOnly) {
        if (!access.requireActor().has(Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_COORDINATORS_SEE_ACTIONS));
        }
        return Outcome.done(views(actions.all(openOnly, MAX_LISTED)));
    }

    /** The corrective actions of one incident's review, as its readers see them. */
    List<CorrectiveAction> of(IncidentId incident) {
        return views(actions.of(incident));
    }

    private List<CorrectiveAction> views(List<CorrectiveActionItem> items) {
        Map<UserId, String> names = identity.displayNames(
                items.stream().map(CorrectiveActionItem::owner).toList());
        LocalDate today = today();
        return items.stream()
                .map(item -> CorrectiveAction.of(
                        item, names.getOrDefault(item.owner(), item.owner().toString()), today))
                .toList();
    }

    private CorrectiveAction view(CorrectiveActionItem item) {
        return views(List.of(item)).get(0);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
