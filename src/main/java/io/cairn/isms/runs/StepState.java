package io.cairn.isms.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a step is: open, done or skipped (a task), approved or rejected (an approval). */
public enum StepState {
    OPEN,
    DONE,
    SKIPPED,
    APPROVED,
    REJECTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StepState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
