package io.cairn.handling.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a business-hour calendar. */
@org.springframework.modulith.NamedInterface("calendars")
public record SlaCalendarId(UUID value) {

    public static SlaCalendarId random() {
        return new SlaCalendarId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SlaCalendarId valueOf(String text) {
        return new SlaCalendarId(UuidText.parse(text, "a calendar id"));
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
