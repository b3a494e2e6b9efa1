package io.cairn.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who an article is written for. */
public enum Audience {
    /** The security team: internal, read by handlers and other staff only. */
    HANDLERS,
    /** Everyone who reports: self-help, also read by reporters. */
    REPORTERS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The audience with this code, if there is one. */
    public static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    @JsonCreator
    static Audience json(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("must be handlers or reporters"));
    }
}
