package io.cairn.handling.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a playbook; its key is the name admins use, this id never changes. */
public record PlaybookId(UUID value) {

    public static PlaybookId random() {
        return new PlaybookId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlaybookId valueOf(String text) {
        return new PlaybookId(UuidText.parse(text, "a playbook id"));
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
