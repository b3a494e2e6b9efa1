package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How one incident relates to another. */
public enum LinkKind {
    RELATED,
    DUPLICATE_OF,
    PARENT_OF;

    /** The value as the API writes it: lower case with dashes. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a value written as the API writes it, in any case. */
    @JsonCreator
    public static LinkKind fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(v -> v.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown value '" + code + "', expected one of "
                        + Arrays.stream(values()).map(LinkKind::code).toList()));
    }
}
