package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The post-incident review of one incident as it is kept: what the handlers wrote, whether it is a draft or
 * completed, and who completed it when. It changes only through its verbs, each of which gives the next version;
 * version 0 is a review nobody has saved yet.
 *
 * @param title the incident's title when the review was last saved
 * @param reportedAt when the incident was reported, for finding incidents with the same root cause
 * @param rootCause the key of the root cause chosen from the vocabulary, if chosen yet
 */
record PostIncidentReview(
        IncidentId incident,
        String reference,
        String title,
        Instant reportedAt,
        String summary,
        @Nullable String rootCause,
        String wentWell,
        String toImprove,
        ReviewState state,
        @Nullable Instant completedAt,
        @Nullable String completedBy,
        Instant updatedAt,
        long version) {

    /** What a save did: the review after it, and the verb the audit trail records ({@code drafted}, ...). */
    record Saved(PostIncidentReview review, ReviewChanged.Verb verb) {}

    /**
     * The review of an incident as it stands: the one stored, under the incident's current title, or else an empty
     * draft of version 0.
     */
    static PostIncidentReview of(IncidentView incident, Optional<PostIncidentReview> stored) {
        return stored.map(review -> review.retitled(incident.title()))
                .orElseGet(() -> new PostIncidentReview(
                        incident.id(),
                        incident.reference(),
                        incident.title(),
                        incident.reportedAt(),
                        "",
                        null,
                        "",
                        "",
                        ReviewState.DRAFT,
                        null,
                        null,
                        incident.updatedAt(),
                        0));
    }

    boolean completed() {
        return state == ReviewState.COMPLETED;
    }

    /** The root cause the review found: only a completed review has found one. */
    Optional<String> foundRootCause() {
        return completed() ? Optional.ofNullable(rootCause) : Optional.empty();
    }

    /** Whether it was ever saved. */
    boolean stored() {
        return version > 0;
    }

    ReviewContent content() {
        return new ReviewContent(summary, rootCause, wentWell, toImprove);
    }

    /** Saves the content as a draft; a completed review is reopened. */
    Saved saveDraft(ReviewContent content, Instant now) {
        return new Saved(
                with(title, content, ReviewState.DRAFT, null, null, now, version + 1),
                completed() ? ReviewChanged.Verb.REOPENED : ReviewChanged.Verb.DRAFTED);
    }

    /**
     * Saves the content and completes the review, which needs a summary and a root cause; a review completed before
     * keeps who completed it first, and when.
     */
    Outcome<Saved> complete(ReviewContent content, String by, Instant now) {
        if (content.summary().isEmpty()) {
            return Outcome.refused(Refusal.invalid("summary", KnowledgeRefusals.REVIEW_NEEDS_SUMMARY));
        }
        if (content.rootCause() == null) {
            return Outcome.refused(Refusal.invalid("rootCause", KnowledgeRefusals.REVIEW_NEEDS_ROOT_CAUSE));
        }
        return Outcome.done(
                completed()
                        ? new Saved(
                                with(title, content, state, completedAt, completedBy, now, version + 1),
                                ReviewChanged.Verb.REVISED)
                        : new Saved(
                                with(title, content, ReviewState.COMPLETED, now, by, now, version + 1),
                                ReviewChanged.Verb.COMPLETED));
    }

    /** The digest of its state that the audit trail records. */
    String digest() {
        return ContentDigest.of(incident + "|" + state.code() + "|" + rootCause + "|" + summary + "|" + wentWell + "|"
                        + toImprove)
                .hex();
    }

    private PostIncidentReview retitled(String title) {
        return with(title, content(), state, completedAt, completedBy, updatedAt, version);
    }

    private PostIncidentReview with(
            String title,
            ReviewContent content,
            ReviewState state,
            @Nullable Instant completedAt,
            @Nullable String completedBy,
            Instant updatedAt,
            long version) {
        return new PostIncidentReview(
                incident,
                reference,
                title,
                reportedAt,
                content.summary(),
                content.rootCause(),
                content.wentWell(),
                content.toImprove(),
                state,
                completedAt,
                completedBy,
                updatedAt,
                version);
    }
}
