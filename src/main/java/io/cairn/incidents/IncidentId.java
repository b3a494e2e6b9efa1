package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an incident. */
public record IncidentId(UUID value) {

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IncidentId valueOf(String text) {
        try {
            return new IncidentId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an incident id (a UUID)", e);
        }
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
