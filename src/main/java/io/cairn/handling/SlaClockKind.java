package io.cairn.handling;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which promise an SLA clock measures: the response (someone acknowledged the incident) or the resolution (the
 * incident was recovered from, closed or dismissed).
 */
public enum SlaClockKind {
    RESPONSE,
    RESOLUTION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
