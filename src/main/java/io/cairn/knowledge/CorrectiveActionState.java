package io.cairn.knowledge;

import java.util.Arrays;

/** Whether a corrective action is still to do or done. */
enum CorrectiveActionState {

    /** Still to do; overdue once its due date has passed. */
    OPEN("open"),
    /** Done; it can be opened again. */
    DONE("done");

    private final String code;

    CorrectiveActionState(String code) {
        this.code = code;
    }

    /** The name the database stores and the API answers, such as {@code open}. */
    String code() {
        return code;
    }

    /** The state with this stored name. */
    static CorrectiveActionState ofCode(String code) {
        return Arrays.stream(values())
                .filter(state -> state.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("'" + code + "' is not a corrective action state"));
    }
}
