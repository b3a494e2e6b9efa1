package io.cairn.handling.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a task of an incident: a step of its playbook or a task a handler gave a team. */
public record TaskId(UUID value) {

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TaskId valueOf(String text) {
        return new TaskId(UuidText.parse(text, "a task id"));
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
