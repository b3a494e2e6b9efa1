package io.cairn.isms.schedules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a schedule that starts runs of a procedure. */
public record ScheduleId(UUID value) {

    public static ScheduleId random() {
        return new ScheduleId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ScheduleId valueOf(String text) {
        return new ScheduleId(UuidText.parse(text, "a schedule id"));
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
