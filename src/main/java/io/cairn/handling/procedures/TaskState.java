package io.cairn.handling.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a task is: open, done, or skipped (optional tasks only). */
public enum TaskState {
    OPEN,
    DONE,
    SKIPPED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TaskState fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
