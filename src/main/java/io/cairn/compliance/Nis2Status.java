package io.cairn.compliance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Whether NIS2 applies to a legal entity, and as what kind of entity. */
public enum Nis2Status {
    ESSENTIAL,
    IMPORTANT,
    NOT_IN_SCOPE;

    /** The code the API and forms use: {@code not-in-scope}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Nis2Status::code).toList();
    }

    static Nis2Status of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
