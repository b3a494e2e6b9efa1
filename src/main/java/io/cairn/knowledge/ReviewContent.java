package io.cairn.knowledge;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the handlers wrote in a post-incident review, stripped: a summary of the timeline, the key of the root cause
 * if one was chosen, what went well and what to improve.
 */
record ReviewContent(String summary, @Nullable String rootCause, String wentWell, String toImprove) {

    /** The most characters each text may have. */
    static final int MAX_TEXT = 20_000;

    /** The content of a review nobody has written yet. */
    static final ReviewContent NONE = new ReviewContent("", null, "", "");

    /** The content of a draft: texts stripped, missing ones empty, a blank root cause none. */
    static ReviewContent of(ReviewDraft draft) {
        String rootCause = draft.rootCause() == null || draft.rootCause().isBlank()
                ? null
                : draft.rootCause().strip();
        return new ReviewContent(text(draft.summary()), rootCause, text(draft.wentWell()), text(draft.toImprove()));
    }

    /** The first text that is too long, as a refusal naming its field. */
    Optional<Refusal> problem() {
        return tooLong("summary", summary)
                .or(() -> tooLong("wentWell", wentWell))
                .or(() -> tooLong("toImprove", toImprove));
    }

    private static Optional<Refusal> tooLong(String field, String text) {
        return text.length() > MAX_TEXT
                ? Optional.of(Refusal.invalid(field, SharedRefusals.TOO_LONG, String.valueOf(MAX_TEXT)))
                : Optional.empty();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
