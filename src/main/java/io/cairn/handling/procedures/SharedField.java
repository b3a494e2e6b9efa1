package io.cairn.handling.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * An incident field a handler may share with the team of a task. The list is fixed and short on purpose: the
 * description, the reporter, evidence, the timeline and other tasks are never shared.
 */
public enum SharedField {
    REFERENCE,
    TITLE,
    CATEGORY,
    PRIORITY,
    SEVERITY,
    STATUS,
    ASSET,
    TLP;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SharedField fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown shared field '" + code + "', expected one of "
                        + Arrays.stream(values()).map(SharedField::code).toList()));
    }
}
