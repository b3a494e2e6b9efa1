package io.cairn.assets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much the organisation suffers when a service fails, from low to critical. */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The criticality written in any case, if it is one. */
    public static Optional<Criticality> find(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
    }

    @JsonCreator
    public static Criticality fromCode(String code) {
        return find(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown criticality '" + code + "', expected one of "
                        + Arrays.stream(values()).map(Criticality::code).toList()));
    }
}
