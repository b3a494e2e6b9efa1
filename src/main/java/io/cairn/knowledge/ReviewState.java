package io.cairn.knowledge;

import java.util.Arrays;

/** Where a post-incident review stands: a draft while it is written, completed once it is done. */
enum ReviewState {

    /** Being written; a completed review saved as a draft is reopened. */
    DRAFT("draft"),
    /** Done: it has a summary and a root cause, and its incident may be closed. */
    COMPLETED("completed");

    private final String code;

    ReviewState(String code) {
        this.code = code;
    }

    /** The name the database stores and the API answers, such as {@code draft}. */
    String code() {
        return code;
    }

    /** The state with this stored name. */
    static ReviewState ofCode(String code) {
        return Arrays.stream(values())
                .filter(state -> state.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("'" + code + "' is not a review state"));
    }
}
