package io.cairn.compliance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a legal entity is under the GDPR for the personal data it handles. */
public enum GdprRole {
    CONTROLLER,
    PROCESSOR,
    BOTH;

    /** The code the API and forms use: {@code controller}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(GdprRole::code).toList();
    }

    static GdprRole of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
