package io.cairn.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Permissible Actions Protocol marking: what a receiver may do with the information. */
public enum Pap {
    CLEAR,
    GREEN,
    AMBER,
    RED;

    @JsonValue
    public String label() {
        return name();
    }

    /** Reads a marking by name; case does not matter. */
    @JsonCreator
    public static Pap fromLabel(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(pap -> pap.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown PAP marking '" + text + "', expected one of CLEAR, GREEN, AMBER, RED"));
    }
}
