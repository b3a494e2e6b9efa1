package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The post-incident review of one incident: what happened, why, what went well, what to improve, and the corrective
 * actions that follow from it.
 *
 * @param summary a summary of the timeline
 * @param rootCause the key of the root cause chosen from the vocabulary, if chosen yet
 * @param status {@code draft} while it is being written, {@code completed} once it is done
 * @param version the version a save must name, for optimistic locking
 */
public record Review(
        IncidentId incident,
        String reference,
        String summary,
        @Nullable String rootCause,
        @Nullable String rootCauseLabel,
        String wentWell,
        String toImprove,
        String status,
        @Nullable Instant completedAt,
        @Nullable String completedBy,
        List<CorrectiveAction> actions,
        Instant updatedAt,
        long version) {

    public Review {
        actions = List.copyOf(actions);
    }

    /** The review as its reader sees it: the root cause by its label, and its corrective actions. */
    static Review of(PostIncidentReview review, @Nullable String rootCauseLabel, List<CorrectiveAction> actions) {
        return new Review(
                review.incident(),
                review.reference(),
                review.summary(),
                review.rootCause(),
                rootCauseLabel,
                review.wentWell(),
                review.toImprove(),
                review.state().code(),
                review.completedAt(),
                review.completedBy(),
                actions,
                review.updatedAt(),
                review.version());
    }

    public boolean completed() {
        return ReviewState.COMPLETED.code().equals(status);
    }

    /**
     * Whether an incident's review is due to be written: once the incident reached review (or was closed), from
     * recovery on when its priority needs a completed review before it closes, and whenever one was saved already.
     */
    static boolean due(Status status, boolean required, boolean saved) {
        return saved || status == Status.REVIEW || status == Status.CLOSED || required && status == Status.RECOVERY;
    }
}
