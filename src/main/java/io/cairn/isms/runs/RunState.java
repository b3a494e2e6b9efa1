package io.cairn.isms.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a run is: open, or ended as completed, rejected (an approval said no) or cancelled by its owner. */
public enum RunState {
    OPEN,
    COMPLETED,
    REJECTED,
    CANCELLED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
