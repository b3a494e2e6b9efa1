package io.cairn.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * What a handler writes in a review; saved as a draft, or saved and completed.
 *
 * @param rootCause the key of a root cause of the vocabulary that is not retired
 * @param version the version of the review the handler saw; 0 for a review not started yet
 */
public record ReviewDraft(
        @Nullable String summary,
        @Nullable String rootCause,
        @Nullable String wentWell,
        @Nullable String toImprove,
        long version) {}
