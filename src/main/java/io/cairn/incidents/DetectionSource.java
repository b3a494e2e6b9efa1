package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who or what detected an incident (MET-5): a system (SIEM, EDR, IDS, DLP, an alert source), a person inside the
 * organisation (an employee, IT staff), or someone outside it (a customer, a partner or provider, a CSIRT or
 * authority, law enforcement, a researcher, the attacker, the media).
 */
public enum DetectionSource {
    AUTOMATED,
    INTERNAL_HUMAN,
    EXTERNAL;

    /** The value as the API writes it: lower case with underscores, as the requirement names it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a system identified the incident rather than a person. */
    public boolean systemIdentified() {
        return this == AUTOMATED;
    }

    /** Reads a value written as the API writes it, in any case. */
    @JsonCreator
    public static DetectionSource fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(v -> v.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown value '" + code + "', expected one of "
                        + Arrays.stream(values()).map(DetectionSource::code).toList()));
    }
}
